/// A post-2025 address: street or hamlet, ward (xã / phường / đặc khu), province.
public struct Address: Sendable {
    public var street: Located<String>?
    public var ward: Located<String>?
    public var province: Located<String>?

    public init(street: Located<String>? = nil, ward: Located<String>? = nil, province: Located<String>? = nil) {
        self.street = street
        self.ward = ward
        self.province = province
    }
}

/// A point on the map, for a "directions" link.
public struct Coordinates: Sendable {
    public var latitude: Located<Double>
    public var longitude: Located<Double>

    public init(latitude: Located<Double>, longitude: Located<Double>) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
