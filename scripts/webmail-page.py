#!/usr/bin/env python3
"""Writes an HTML page that shows a rendered notification the way webmail shows a plain-text email:
the subject as the message title, the body in a proportional font with line breaks kept and long lines
wrapped. Input: a golden file (or `render` output), whose first line is "Subject: ..." and whose body
ends where "----- publish request" begins. Output: the page, on standard output."""
import html
import sys

MARKER = "\n----- publish request"


def main(path: str, language: str) -> None:
    with open(path, encoding="utf-8") as source:
        text = source.read()
    text = text.split(MARKER, 1)[0]
    first, _, rest = text.partition("\n")
    subject = first.removeprefix("Subject: ")
    body = rest.lstrip("\n").rstrip("\n")
    sender = "AWS Notifications &lt;no-reply@sns.amazonaws.com&gt;"
    print(f"""<!doctype html>
<html lang="{html.escape(language)}"><meta charset="utf-8">
<style>
  body {{ margin: 0; background: #f6f8fc; font-family: Arial, 'Liberation Sans', 'Noto Sans CJK JP', sans-serif; color: #202124; }}
  .card {{ background: #fff; margin: 16px; border-radius: 12px; padding: 4px 0 20px; }}
  .subject {{ font-size: 20px; padding: 16px 24px 8px; }}
  .from {{ font-size: 13px; color: #5f6368; padding: 0 24px 12px; border-bottom: 1px solid #e8eaed; }}
  .body {{ font-size: 14px; line-height: 1.45; padding: 16px 24px 0; white-space: pre-wrap; overflow-wrap: anywhere; }}
</style>
<div class="card">
<div class="subject">{html.escape(subject)}</div>
<div class="from">{sender}</div>
<div class="body">{html.escape(body)}</div>
</div>
</html>""")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "en")
