from django import template

from convoca.core.links import links_for

register = template.Library()


@register.simple_tag
def offered_links(kind: str, obj):
    """{% offered_links "edition" edition as links %}: what other apps offer on this page."""
    return links_for(kind, obj)
