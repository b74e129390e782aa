import Catalog
import Dispatch
import Foundation
import Photos
import Platform

/// Renders every business of the plan (its pages, images and cards), a batch at a time spread
/// over all cores, and hands each one's output to `RenderedListings` in plan order on a thread
/// of its own while the next batch renders. Only a batch's entries and outputs are in memory at
/// once, whatever the size of the catalog.
struct BusinessPass<Entries: BusinessEntries> {
    let plan: SitePlan
    let entries: Entries
    let renderer: PageRenderer
    let photos: PhotoCache
    let sectors: SectorLookup
    let options: SiteBuilder.Options

    /// Enough businesses that the cores rarely wait for the last one of a batch, few enough
    /// that a batch's entries and outputs stay a few megabytes.
    static var batchSize: Int { 256 }

    /// An entry read again for rendering is not the one the plan was made from.
    struct EntryChanged: Error, CustomStringConvertible {
        let slug: String
        var description: String {
            "businesses/\(slug) changed while the site was being built (thư mục đã thay đổi trong lúc dựng trang); build again"
        }
    }

    func run(into listings: RenderedListings) throws {
        let drain = DispatchQueue(label: "chonoi.listings")
        // One batch is handed over while the next one renders, no more: outputs never pile up.
        let handedOver = DispatchSemaphore(value: 1)
        // Never return (or throw, and have the staging folder removed) while the drain still writes.
        defer { drain.sync {} }
        for start in stride(from: 0, to: plan.businesses.count, by: Self.batchSize) {
            try listings.check()
            let batch = start..<min(start + Self.batchSize, plan.businesses.count)
            let loaded = try read(batch)
            // Every photo of the batch first, one per core, so its pages find them encoded (or cached).
            photos.prepare(loaded.flatMap { MediaCopier.jobs(for: $0.business, products: $0.products.map(\.product)) })
            let outputs = try render(loaded, from: start, into: listings)
            // Nothing more is written into these businesses' folders.
            renderer.out.forgetDeepFolders()
            SystemCalls.returnFreedMemory()
            handedOver.wait()
            drain.async {
                defer { handedOver.signal() }
                listings.add(outputs)
            }
        }
        drain.sync {}
        try listings.check()
    }

    /// The batch's listings, their entries read (and checked against the plan when read again).
    private func read(_ batch: Range<Int>) throws -> [SitePlan.Listing] {
        var results = [Result<SitePlan.Listing, Error>?](repeating: nil, count: batch.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: batch.count) { j in
                let i = batch.lowerBound + j
                slots.base[j] = Result {
                    let entry = try entries.entry(plan.businesses[i].folder)
                    if entries.readsAgain {
                        let outline = BusinessOutline(entry, sectors: sectors, today: options.today, sortingProducts: false)
                        guard plan.isPlanned(outline, at: i, includeDrafts: options.includeDrafts) else { throw EntryChanged(slug: entry.slug) }
                    }
                    return plan.listing(i, entry: entry)
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// `listings` are the plan's businesses from `first` on.
    private func render(_ listings: [SitePlan.Listing], from first: Int, into rendered: RenderedListings) throws -> [PageRenderer.BusinessOutput] {
        var results = [PageRenderer.BusinessOutput](repeating: .init(), count: listings.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: listings.count) { j in
                do {
                    slots.base[j] = try renderer.renderListing(listings[j]) { product in
                        rendered.keepsFeedLine(of: SitePlan.ProductRef(business: first + j, product: product))
                    }
                } catch {
                    slots.base[j].error = error
                }
            }
        }
        if let error = results.lazy.compactMap(\.error).first { throw error }
        return results
    }
}
