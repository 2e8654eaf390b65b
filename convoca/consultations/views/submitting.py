from django.http import Http404


def _pending(request, *args, **kwargs):
    raise Http404


new_input = edit_submission = my_submissions = submission_detail = withdraw = _pending
