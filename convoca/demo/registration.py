def build_registration(*, secretariat, organizations) -> str:
    """Builds the registration demo data idempotently; answers one summary line for load_demo."""
    return ""
