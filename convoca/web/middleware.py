import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.http import HttpResponseRedirect

SUPPORTED = {code for code, _name in settings.LANGUAGES}
# Common spellings of our languages that are not our URL prefixes.
ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans", "zh-hant": "zh-hans"}
PREFIX = re.compile(r"^/(?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)(?P<rest>/.*|)$")


class UnknownLanguagePrefixMiddleware:
    """`/de/…` or `/zh/…`: send the visitor to a language we speak instead of a bare 404.

    A prefix that names a real language we do not offer falls back to English; a known alias of
    one of ours (zh, zh-cn) goes to that language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = PREFIX.match(request.path_info)
        if match:
            code = match["code"].lower().replace("_", "-")
            if code not in SUPPORTED and (code in ALIASES or code in LANG_INFO):
                target = ALIASES.get(code, settings.LANGUAGE_CODE)
                url = f"/{target}{match['rest'] or '/'}"
                if request.META.get("QUERY_STRING"):
                    url += "?" + request.META["QUERY_STRING"]
                return HttpResponseRedirect(url)
        return self.get_response(request)
