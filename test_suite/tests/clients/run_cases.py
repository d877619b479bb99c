"""Runs the shared cases through the generated Python client: each server
message must come out of ``format_message`` and ``decode`` exactly."""

import json
import os
import sys

import apierrors

cases = json.load(open(sys.argv[1], encoding="utf-8"))
failures = []
for case in cases:
    header = case["accept_language"]
    got = apierrors.format_message(case["code"], case["params"], header)
    # Either format reads back as the same error.
    errors = [apierrors.decode(case["body"]), apierrors.decode(case["problem"])]
    for error in errors:
        again = apierrors.format_message(error.code, error.params, header)
        info = apierrors.CATALOG[error.code]
        ok = (
            got == case["message"]
            and again == case["message"]
            and error.message == case["message"]
            and isinstance(error, Exception)
            and error.retry_after == case["retry_after"]
            and len(error.violations) == case["violations"]
            and info.status == case["status"]
            and apierrors.ErrorCode(error.code) == error.code
            and error.detail == errors[0].detail
            and error.violations == errors[0].violations
        )
        if not ok:
            failures.append({"case": case, "got": got, "again": again})
# The bodies from elsewhere read as the server's own client reads them:
# refused (``ValueError``, never another exception), or the same code,
# message, detail, delay, params and violations.
odd = json.load(open(os.path.join(os.path.dirname(sys.argv[1]), "odd.json"), encoding="utf-8"))
assert len(odd) >= 40, len(odd)
for case in odd:
    try:
        error = apierrors.decode(case["body"].encode("utf-8"))
    except ValueError:
        got = None
    else:
        got = {
            "code": error.code,
            "message": error.message,
            "detail": error.detail,
            "retry_after": error.retry_after,
            "params": sorted(error.params),
            "violations": [
                [v.field, v.message, v.code, v.reason, sorted(v.params)] for v in error.violations
            ],
        }
    if got != case["want"]:
        failures.append({"body": case["body"][:120], "got": got, "want": case["want"]})
print(json.dumps({"checked": len(cases), "failures": failures[:20]}, ensure_ascii=False))
sys.exit(1 if failures else 0)
