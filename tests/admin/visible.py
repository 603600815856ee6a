"""What an admin page shows a person: its text, the labels assistive technology reads, and the labels
of the sidebar (rendered by JavaScript from JSON in the page), without markup, scripts or URLs."""

import json
from html.parser import HTMLParser

#: Attributes whose values are read out or shown (tooltips, placeholders, accessible names).
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "data-w-tooltip-content-value")


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0
        self._json = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.texts += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
        if tag in ("script", "style"):
            self._skip += 1
            self._json = tag == "script" and attrs.get("type") == "application/json"
            self._buffer = []

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            if self._json:
                self.texts += _json_labels(json.loads("".join(self._buffer) or "null"))
            self._json = False

    def handle_data(self, data):
        if self._skip:
            self._buffer.append(data)
        elif data.strip():
            self.texts.append(data.strip())


def _json_labels(value):
    """The "label" strings anywhere in a JSON value (the sidebar's menu items)."""
    if isinstance(value, dict):
        found = [value["label"]] if isinstance(value.get("label"), str) else []
        return found + [label for item in value.values() for label in _json_labels(item)]
    if isinstance(value, list):
        return [label for item in value for label in _json_labels(item)]
    return []


def visible_text(html: str) -> str:
    """The page's shown strings, one per line."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.texts)
