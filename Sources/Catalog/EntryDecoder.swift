import Diagnostics
import YAML

/// Fills the typed model from composed front matter, one field per line of the contract.
enum EntryDecoder {
    static func reader(for root: YAMLNode?, allowed: [String], file: String, lineOffset: Int, sink: DiagnosticSink) -> FieldReader {
        // An empty front matter (nil) is an empty mapping: every required field is then reported missing.
        if let root, root.kind != .mapping {
            sink.error(.frontMatterNotMapping, at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
        return FieldReader(mapping: root, allowed: allowed, file: file, lineOffset: lineOffset, sink: sink)
    }

    static func business(_ b: inout Business, from r: FieldReader) {
        b.name = r.text("name", required: true)
        b.sector = r.text("sector", required: true)
        b.kind = r.text("kind", required: true)
        b.representative = r.text("representative", required: true)
        b.phone = r.text("phone", required: true)
        if let a = r.nested("address", allowed: Schema.address, required: true) {
            b.address = Address(street: a.text("street"), ward: a.text("ward", required: true),
                                province: a.text("province", required: true))
        }
        b.email = r.text("email")
        b.website = r.text("website")
        b.taxCode = r.text("tax_code")
        b.founded = r.integer("founded", kind: .year)
        b.logo = r.text("logo")
        b.zalo = r.text("zalo")
        if let m = r.nested("map", allowed: Schema.map) {
            let lat = m.decimal("lat", required: true), lng = m.decimal("lng", required: true)
            if let lat, let lng {
                b.map = Coordinates(latitude: lat, longitude: lng)
            }
        }
        b.certifications = r.textList("certifications")
        b.draft = r.yesNo("draft") ?? false
    }

    static func product(_ p: inout Product, from r: FieldReader) {
        p.name = r.text("name", required: true)
        p.sector = r.text("sector", required: true)
        p.price = r.price("price", required: true)
        p.unit = r.text("unit")
        p.images = r.textList("images")
        p.ocop = r.integer("ocop")
        p.ocopYear = r.integer("ocop_year", kind: .year)
        p.minOrder = r.integer("min_order")
        p.season = r.integerList("season", expected: .monthList)
        p.delivery = r.text("delivery")
        p.available = r.yesNo("available") ?? true
        p.published = r.date("published", required: true)
        p.updated = r.date("updated")
        p.tags = r.textList("tags")
        p.draft = r.yesNo("draft") ?? false
    }

    static func site(_ s: inout SiteSettings, from r: FieldReader) {
        s.title = r.text("title", required: true)
        s.baseURL = r.text("base_url", required: true)
        s.language = r.text("language")
        s.description = r.text("description")
        if let c = r.nested("contact", allowed: Schema.contact) {
            s.contactPhone = c.text("phone")
            s.contactEmail = c.text("email")
        }
        s.perPage = r.integer("per_page")
        s.theme = r.text("theme")
        if let sub = r.nested("submissions", allowed: Schema.submissions) {
            s.submissionsRepository = sub.text("repository", required: true)
            s.submissionsBranch = sub.text("branch")
            s.submissionsFolder = sub.text("folder")
        }
    }

    /// `sectors.yml`: a list of mappings. Sectors missing an id or a name are reported and left out.
    static func sectors(_ root: YAMLNode?, file: String, sink: DiagnosticSink) -> [Sector] {
        guard let root else { return [] }
        guard let list = root.items else {
            sink.error(.sectorsNotList, at: SourceLocation(file: file, line: root.line, column: root.column))
            return []
        }
        var sectors: [Sector] = []
        for item in list {
            guard item.kind == .mapping else {
                sink.error(.sectorsNotList, at: SourceLocation(file: file, line: item.line, column: item.column))
                continue
            }
            let r = FieldReader(mapping: item, allowed: Schema.sector, file: file, lineOffset: 0, sink: sink, anchorAtMapping: true)
            let id = r.text("id", required: true), name = r.text("name", required: true)
            let description = r.text("description")
            if let id, let name {
                sectors.append(Sector(id: id, name: name, description: description, order: sectors.count))
            }
        }
        return sectors
    }
}
