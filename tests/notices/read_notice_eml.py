#!/usr/bin/env python3
"""Reads a notice .eml with Python's email package (an independent MIME parser) and prints what
it found as JSON: the decoded headers, the defects it noticed, and every part decoded to text.
Used by tests/notices/tst_notice_eml.cpp."""
import email
import email.policy
import email.utils
import json
import sys


def main(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    out = {
        "defects": [type(d).__name__ for d in message.defects],
        "headers": {name: str(value) for name, value in message.items()},
        "date_utc": email.utils.parsedate_to_datetime(message["Date"]).astimezone(
            __import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "parts": [],
    }
    for part in message.walk():
        entry = {"type": part.get_content_type(),
                 "defects": [type(d).__name__ for d in part.defects]}
        if not part.is_multipart():
            entry["charset"] = part.get_content_charset()
            entry["cte"] = part.get("Content-Transfer-Encoding")
            entry["text"] = part.get_content()
        out["parts"].append(entry)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
