from django.conf import settings
from django.utils import translation


def site(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        "LANGUAGE_DIRECTION": "rtl" if translation.get_language_bidi() else "ltr",
        "HTML_LANG": "zh-Hans" if language == "zh-hans" else language,
    }


def languages(request):
    """Links to this same page in each of our languages, for the language switcher."""
    from django.urls import translate_url

    path = request.get_full_path()
    current = translation.get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "current": code == current,
                "lang": "zh-Hans" if code == "zh-hans" else code,
            }
            for code, name in settings.LANGUAGES
        ]
    }
