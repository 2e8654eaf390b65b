def build_consultations(*, secretariat, organizations) -> str:
    """Builds the consultations demo data idempotently; answers one summary line for load_demo."""
    return ""
