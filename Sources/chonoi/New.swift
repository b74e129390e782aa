import ArgumentParser
import Catalog
import Diagnostics
import Foundation
import VietnameseText

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo mục mới từ mẫu. Write a new business or product entry from a template.",
        discussion: """
        The entry is written as a draft with every field explained in Vietnamese. Replace the \
        example values, then remove the draft line (or set draft: false) to publish it.
        """,
        subcommands: [NewBusiness.self, NewProduct.self]
    )
}

struct NewBusiness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "business",
        abstract: "Tạo thư mục cơ sở mới. Write businesses/<slug>/index.md.",
        discussion: "Exit status: 0 when written, 1 when the slug is not valid or the business already exists."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The business's folder name: lowercase letters without accents, digits and hyphens, e.g. banh-phong-sa-giang.", valueName: "slug"))
    var slug: String

    func run() throws {
        let context = NewEntryContext(content: common.content)
        try context.requireSlug(slug)
        let folder = context.content + "/businesses/" + slug
        let file = folder + "/index.md"
        try context.refuseExisting(file)
        try context.write(Templates.business(sector: context.firstSectorID), to: file, creating: [folder, folder + "/products"])
        context.report(file)
    }
}

struct NewProduct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "Tạo sản phẩm mới cho một cơ sở. Write businesses/<business>/products/<slug>.md.",
        discussion: "Exit status: 0 when written, 1 when a slug is not valid, the business does not exist or the product already exists."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The business's folder name.", valueName: "business"))
    var business: String

    @Argument(help: ArgumentHelp("The product's file name without .md, e.g. banh-phong-tom-dac-biet.", valueName: "slug"))
    var slug: String

    func run() throws {
        let context = NewEntryContext(content: common.content)
        try context.requireSlug(business)
        try context.requireSlug(slug)
        let folder = context.content + "/businesses/" + business
        guard FileManager.default.fileExists(atPath: folder + "/index.md") else {
            Output.write(context.say(vi: "chưa có cơ sở \"\(business)\" (\(folder)/index.md); hãy tạo trước bằng: chonoi new business \(business)",
                                     en: "there is no business \"\(business)\" (\(folder)/index.md); create it first with: chonoi new business \(business)") + "\n",
                         to: .standardError)
            throw ExitCode(1)
        }
        let products = folder + "/products"
        let file = products + "/" + slug + ".md"
        try context.refuseExisting(file)
        try context.write(Templates.product(sector: context.firstSectorID, today: CivilDate.today()), to: file, creating: [products])
        context.report(file)
    }
}

/// What both `new` commands need: the catalog's sectors and language, and careful writing.
struct NewEntryContext {
    let content: String
    let language: Language
    let firstSectorID: String

    init(content: String) {
        self.content = content
        let loaded = CatalogLoader(root: content, loadBodies: false).load().catalog
        self.language = loaded.site.language.flatMap { Language(code: $0.value) } ?? .vi
        self.firstSectorID = loaded.sectors.first?.id.value ?? "khac"
    }

    func say(vi: String, en: String) -> String { "chonoi: " + language.pick(vi: vi, en: en) }

    func requireSlug(_ slug: String) throws {
        guard !Slug.isValid(slug) else { return }
        let suggestion = Slug.make(from: slug)
        Output.write(say(vi: "tên \"\(slug)\" chỉ được dùng chữ thường không dấu, chữ số và dấu gạch ngang; hãy dùng \"\(suggestion)\"",
                         en: "the name \"\(slug)\" may only use lowercase ASCII letters, digits and hyphens; use \"\(suggestion)\"") + "\n",
                     to: .standardError)
        throw ExitCode(1)
    }

    func refuseExisting(_ file: String) throws {
        guard FileManager.default.fileExists(atPath: file) else { return }
        Output.write(say(vi: "\(file) đã có; không ghi đè", en: "\(file) already exists; not overwritten") + "\n", to: .standardError)
        throw ExitCode(1)
    }

    /// Written to a temporary name and renamed, so an interrupted run never leaves half an entry.
    func write(_ text: String, to file: String, creating folders: [String]) throws {
        for folder in folders {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let temporary = file + ".tmp-\(getpid())"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, file) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ExitCode(1)
        }
    }

    func report(_ file: String) {
        Output.write(say(vi: "đã tạo \(file); hãy điền thông tin rồi chạy: chonoi check",
                         en: "wrote \(file); fill it in, then run: chonoi check") + "\n")
    }
}
