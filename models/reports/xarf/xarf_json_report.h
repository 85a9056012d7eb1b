#pragma once

// Private to models/reports/xarf: XARF v3 and v4, the JSON generation.

#include "reports/report.h"

#include <QJsonObject>
#include <QString>

namespace Awb {

class JsonSchemaSet;

enum class XarfJsonGeneration { None, V3, V4 };

// v4 carries "xarf_version"; v3 carries "Version" with a "Report" or "ReporterInfo" object
// (the XARF v4 specification's own detection rule). Anything else is not an XARF report.
XarfJsonGeneration xarfJsonGeneration(const QJsonObject &json);

// The $id of the schema a generation is validated against.
QString xarfSchemaId(XarfJsonGeneration generation);

// Reads a v3 or v4 report into a Report (fields tagged "json", evidence payloads decoded into
// originalBytes) and validates it against `schemas` when given; without schemas the report says
// so in `problems`.
Report readJsonXarf(const QJsonObject &json, XarfJsonGeneration generation,
                    const JsonSchemaSet *schemas);

} // namespace Awb
