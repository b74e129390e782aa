import Catalog
import Exports
import VietnameseText

/// The records behind the product feed and the open data (`Exports`), filled from the same
/// values the pages show, so an export never carries what a page does not: drafts are not in
/// the plan, a tax code comes through `Display.publicTaxCode`, an OCOP badge only while valid.
extension PagePresenter {
    /// THE address partner platforms get for a product or business image: the feed's
    /// `image_link` and `additional_image_link`, the open data's `images` and `logo`, and
    /// JSON-LD's `image` all come from here: the largest processed JPEG of the photo (JPEG,
    /// because shopping platforms do not all read WebP; the largest, because they show it big).
    func partnerImageURL(_ file: MediaFile) -> String { urls.origin + (file.largest.isEmpty ? file.src : file.largest) }

    func businessRecord(_ b: Business, sector: Sector, logo: MediaFile?, productCount: Int, text: String) -> BusinessRecord {
        var r = BusinessRecord(id: b.slug, name: b.name?.value ?? b.slug, sector: sector.id.value, sectorName: sector.name.value,
                               url: urls.absolute(SiteURLs.business(b.slug)))
        r.kind = b.businessKind?.rawValue
        r.kindLabel = b.businessKind == nil ? nil : display.kind(b)
        r.street = b.address?.street?.value
        r.ward = b.address?.ward?.value
        r.province = b.address?.province?.value
        r.phone = b.phone.flatMap { PhoneNumber.parse($0.value)?.display }
        r.zalo = display.zalo(b.zalo)
        r.email = b.email?.value
        r.website = b.website?.value
        r.taxCode = display.publicTaxCode(b)
        r.founded = b.founded?.value
        r.certifications = b.certifications.map(\.value)
        r.latitude = b.map?.latitude.value
        r.longitude = b.map?.longitude.value
        r.logo = logo.map(partnerImageURL)
        r.productCount = productCount
        r.description = text
        return r
    }

    func productRecord(_ p: Product, business b: Business, sector: Sector, images: [MediaFile], text: String) -> ProductRecord {
        var r = ProductRecord(business: b.slug, slug: p.slug, businessName: b.name?.value ?? b.slug, name: p.name?.value ?? p.slug,
                              sector: sector.id.value, sectorName: sector.name.value, url: urls.absolute(SiteURLs.product(b.slug, p.slug)))
        if case .amount(let amount)? = p.price?.value { r.price = amount }
        r.unit = p.unit?.value
        r.available = p.available
        r.ocopStars = p.ocopBadge(today: display.today)
        r.ocopYear = r.ocopStars == nil ? nil : p.ocopYear?.value
        r.minOrder = p.minOrder?.value
        r.delivery = p.delivery?.value
        r.season = Array(Set(p.season.map(\.value))).sorted()
        r.tags = p.tags.map(\.value)
        r.published = p.published.map { "\($0.value)" }
        r.updated = p.updated.map { "\($0.value)" }
        r.images = images.map(partnerImageURL)
        r.description = text
        r.place = display.place(b.address)
        return r
    }
}
