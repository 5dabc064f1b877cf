"""``form_values(html)``: what a browser would submit for a POST form of a page.

Used to drive Wagtail's admin forms in tests without rebuilding every field by hand.
"""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_index, form_id):
        super().__init__(convert_charrefs=True)
        self.form_index, self.form_id, self.forms_seen, self.inside = form_index, form_id, -1, False
        self.values, self._select, self._textarea, self._selected_any = [], None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self.forms_seen += 1
            if self.form_id:
                self.inside = attrs.get("id") == self.form_id
            else:
                self.inside = self.forms_seen == self.form_index
        if not self.inside or "__prefix__" in attrs.get("name", ""):
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image"):
                self.values.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.values.append(tuple(self._textarea))
            self._textarea = None


def form_values(html, form_index=0, form_id=None):
    """A dict of field name → value, or → list of values for repeated names.

    The form is the one with ``form_id``, else the ``form_index``-th POST form of the page.
    """
    parser = _FormParser(form_index, form_id)
    parser.feed(html)
    data = {}
    for name, value in parser.values:
        if name in data:
            data[name] = (data[name] if isinstance(data[name], list) else [data[name]]) + [value]
        else:
            data[name] = value
    return data
