from modeltranslation.translator import TranslationOptions, register

from .models import Edition, Forum, Room, Session, SessionType, Track


@register(Forum)
class ForumTranslation(TranslationOptions):
    fields = ("name",)


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("name", "theme", "venue", "city")


@register(Track)
class TrackTranslation(TranslationOptions):
    fields = ("name",)


@register(SessionType)
class SessionTypeTranslation(TranslationOptions):
    fields = ("name",)


@register(Room)
class RoomTranslation(TranslationOptions):
    fields = ("name",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "abstract", "outcome")
