/// One allowed sector (lĩnh vực) from `sectors.yml`; its position there is its display order.
public struct Sector: Sendable {
    public var id: Located<String>
    public var name: Located<String>
    public var description: Located<String>?
    public var order: Int

    public init(id: Located<String>, name: Located<String>, description: Located<String>?, order: Int) {
        self.id = id
        self.name = name
        self.description = description
        self.order = order
    }
}
