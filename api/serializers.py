"""Serializers that write an item from a field list of api/fields.py, in Wagtail's shape:
`id`, then a `meta` object, then the fields."""

from rest_framework import serializers

from .fields import COUNCIL_FIELDS, PAGE_FIELDS, THEME_FIELDS


class RecordSerializer(serializers.BaseSerializer):
    field_list = ()

    def to_representation(self, instance):
        context = self.context["api"]
        data = {"id": instance.pk, "meta": {}}
        for field in self.field_list:
            value = field.get(instance, context)
            if field.meta:
                data["meta"][field.name] = value
            else:
                data[field.name] = value
        return data


class PageSerializer(RecordSerializer):
    field_list = PAGE_FIELDS


class CouncilSerializer(RecordSerializer):
    field_list = COUNCIL_FIELDS


class ThemeSerializer(RecordSerializer):
    field_list = THEME_FIELDS
