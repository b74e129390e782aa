/// Records given one at a time by position, wherever they are kept (an array, or a scratch file
/// that `chonoi build` reads back as each export is written): what
/// `ExportFiles.render(entries:businesses:products:…)` goes through.
///
/// A concrete type rather than `some Collection` so that the writers are specialised for it
/// inside this module: given a collection type from another module, they reached every record
/// and field through witness tables, which took a third of the exports' time.
public struct RecordList<Record>: RandomAccessCollection {
    public let count: Int
    private let record: (Int) -> Record

    public init(count: Int, record: @escaping (Int) -> Record) {
        self.count = count
        self.record = record
    }

    public init(_ records: [Record]) {
        self.init(count: records.count) { records[$0] }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Record { record(position) }
}
