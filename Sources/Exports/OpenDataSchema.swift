import Diagnostics

/// The JSON Schema (draft 2020-12) beside each JSON file, written from the same columns as the
/// data, so a reader's tooling can check a download and read what each field means.
enum OpenDataSchema {
    static func document<Record>(id: String, title: String, listName: String, columns: [Column<Record>]) -> String {
        var properties: [String] = []
        for column in columns {
            var type = JSONString.quote(column.kind.schemaType)
            if !column.required { type = "[" + type + ",\"null\"]" }
            var property = "{\"type\":" + type + ",\"description\":" + JSONString.quote(column.title)
            switch column.kind {
            case .texts: property += ",\"items\":{\"type\":\"string\"}"
            case .integers: property += ",\"items\":{\"type\":\"integer\"}"
            default: break
            }
            properties.append("      " + JSONString.quote(column.name) + ":" + property + "}")
        }
        // Every field is always present (null when empty), so all are listed as required.
        let required = "[" + columns.map { JSONString.quote($0.name) }.joined(separator: ",") + "]"
        return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": \(JSONString.quote(id)),
          "title": \(JSONString.quote(title)),
          "type": "object",
          "required": ["catalog", "count", \(JSONString.quote(listName))],
          "properties": {
            "$schema": {"type": "string"},
            "catalog": {"type": "object", "required": ["title", "url"], "properties": {"title": {"type": "string"}, "url": {"type": "string"}}},
            "count": {"type": "integer", "minimum": 0},
            \(JSONString.quote(listName)): {"type": "array", "items": {"$ref": "#/$defs/record"}}
          },
          "$defs": {
            "record": {
              "type": "object",
              "additionalProperties": false,
              "required": \(required),
              "properties": {
        \(properties.joined(separator: ",\n"))
              }
            }
          }
        }

        """
    }
}
