from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from .models import Question, Questionnaire


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at", "updated_at"]
    # A questionnaire has only a name of its own: when it was made is what tells them apart.
    list_filter = ["created_at"]
    search_fields = ["name", "questions__label", "questions__key"]
    inlines = [QuestionInline]
