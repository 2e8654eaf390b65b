def build_coalitions(*, secretariat, organizations) -> str:
    """Builds the coalitions demo data idempotently; answers one summary line for load_demo."""
    return ""
