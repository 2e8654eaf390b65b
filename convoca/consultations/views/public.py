from django.http import Http404


def _pending(request, *args, **kwargs):
    raise Http404


consultation_list = consultation_detail = phases_ical = inputs = call_detail = _pending
