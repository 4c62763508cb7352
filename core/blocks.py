"""Rich-text feature lists and StreamField blocks that more than one app uses."""

from wagtail import blocks

# Page prose: the formatting councils' writers use, headings below the page's own.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
# One-paragraph notes, such as the site footer.
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "link"]


class BodyStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", template="components/heading_block.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    quote = blocks.BlockQuoteBlock()
