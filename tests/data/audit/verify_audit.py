# Re-verifies the audit log of an Abuse Workbench case database without the program: the script
# of models/store/audit_log.h, word for word. Usage: python3 verify_audit.py CASE.awbcase
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
prev, last_id = "0" * 64, 0
rows = db.execute("SELECT a.id, a.at, a.who, a.action, coalesce(c.public_id, ''),"
                  " a.subject, a.what, a.why, a.details, a.prev_hash, a.hash"
                  " FROM audit_log a LEFT JOIN cases c ON c.id = a.case_id ORDER BY a.id")
for row in rows:
    fields = ["awb-audit-1", str(row[0])] + list(row[1:10])
    data = b"".join(b"%d:%s," % (len(f.encode()), f.encode()) for f in fields)
    if row[0] != last_id + 1 or row[9] != prev:
        sys.exit(f"entry {row[0]}: chain broken (deleted or reordered entries)")
    if hashlib.sha256(data).hexdigest() != row[10]:
        sys.exit(f"entry {row[0]}: hash does not match its contents (edited)")
    prev, last_id = row[10], row[0]
print(f"intact: {last_id} entries, head {prev}")
