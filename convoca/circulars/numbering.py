"""References from a series pattern: CL-{yy}/{nnn} with number 7 in 2021 gives CL-21/007."""

import re

PLACEHOLDER = re.compile(r"\{(yyyy|yy|n+)\}")


def format_reference(pattern: str, *, year: int, number: int) -> str:
    def replace(match: re.Match) -> str:
        token = match.group(1)
        if token == "yyyy":
            return f"{year:04d}"
        if token == "yy":
            return f"{year % 100:02d}"
        return f"{number:0{len(token)}d}"

    return PLACEHOLDER.sub(replace, pattern)


def is_valid_pattern(pattern: str) -> bool:
    """A pattern must contain a number placeholder, or two issues could share a reference."""
    return any(token.startswith("n") for token in PLACEHOLDER.findall(pattern))
