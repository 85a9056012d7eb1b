#pragma once

// Private to models/store: the schema of a case database and the forward migrations that build
// it. The schema version is PRAGMA user_version; version N means migrations 1..N have run.

#include "common/result.h"

#include <QString>

struct sqlite3;

namespace Awb {

// The highest schema this program can write and read.
constexpr int kLatestSchemaVersion = 9;

// PRAGMA application_id of every case database ("AbWb"), set by migration 1. It tells our
// files apart from other programs' SQLite databases, which open() refuses to touch.
constexpr int kCaseStoreApplicationId = 0x41625762;

// Brings the database from its current version up to `targetVersion`. Each migration runs in
// its own write transaction together with its user_version bump, so an interrupted or failed
// migration leaves the file at the previous version, intact. A migration another connection
// has already applied meanwhile is skipped.
Status migrateSchema(sqlite3 *db, const QString &dbPath, int targetVersion);

} // namespace Awb
