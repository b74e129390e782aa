/// A file of the content tree: where it is on disk, and how to name it to the user
/// (relative to the working directory, as compilers do).
public struct ContentFile: Hashable, Sendable {
    public var path: String
    public var displayPath: String

    public init(path: String, displayPath: String) {
        self.path = path
        self.displayPath = displayPath
    }
}
