#pragma once

namespace Awb {

// The SQL that takes a version N-1 case database to version N (1 <= N <= kLatestSchemaVersion),
// ending with its user_version bump; nullptr for any other N. Private to models/store.
const char *schemaMigrationSql(int version);

} // namespace Awb
