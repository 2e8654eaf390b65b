from django import template

register = template.Library()


@register.simple_tag
def voted_for(my_votes: dict, project) -> bool:
    """Is `project` the one this visitor voted for? (my_votes: {category id: nomination id})"""
    return (my_votes or {}).get(project.category_id) == project.pk
