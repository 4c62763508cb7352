from wagtail import blocks


class OutcomeBlock(blocks.StructBlock):
    description = blocks.CharBlock(help_text="What changed, e.g. 'Missed bin reports'.")
    value = blocks.DecimalBlock(required=False, help_text="The figure after the change.")
    unit = blocks.CharBlock(required=False, max_length=40, help_text="e.g. %, days, £, calls")
    baseline = blocks.DecimalBlock(required=False, help_text="The figure before the change.")
    period = blocks.CharBlock(
        required=False, max_length=80, help_text="When it was measured, e.g. '2023/24'."
    )

    class Meta:
        icon = "success"
        label = "Measurable outcome"
        template = "components/outcome.html"
        description = "A result with a number, a unit and what it was before."
        preview_value = {
            "description": "Average time to rehouse a family",
            "value": "41",
            "unit": "days",
            "baseline": "96",
            "period": "2023/24",
        }


class ReusableOutputBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("code", "Code"),
            ("service_pattern", "Service pattern"),
            ("research", "Research"),
            ("document", "Document"),
            ("data", "Data"),
        ]
    )
    title = blocks.CharBlock(max_length=200)
    url = blocks.URLBlock(label="Link")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "link"
        label = "Reusable output"
        template = "components/reusable_output.html"
        description = "Something another council can pick up and reuse."
        preview_value = {
            "kind": "code",
            "title": "Bin collection day finder",
            "url": "https://example.org/bin-finder",
            "description": "Open-source address lookup and calendar export.",
        }


class OutcomeStreamBlock(blocks.StreamBlock):
    outcome = OutcomeBlock()


class OutputStreamBlock(blocks.StreamBlock):
    output = ReusableOutputBlock()
