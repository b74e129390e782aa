import XCTest
import YAML

final class YAMLDocumentTests: XCTestCase {
    private func root(_ text: String) throws -> YAMLNode {
        try XCTUnwrap(YAMLDocument.parse(text)).root
    }

    private func failure(_ text: String) -> YAMLError? {
        do {
            _ = try YAMLDocument.parse(text)
            return nil
        } catch {
            return error
        }
    }

    func testScalarsKeepTheirTextAndPosition() throws {
        let pairs = try XCTUnwrap(root("tên: Bánh tét\nđịa chỉ: 0912345678\n").pairs)
        XCTAssertEqual(pairs.map(\.key.scalar), ["tên", "địa chỉ"])
        XCTAssertEqual(pairs[1].value.scalar, "0912345678", "no type is guessed")
        XCTAssertEqual(pairs[1].value.kind, .scalar)
        XCTAssertEqual(pairs[1].value.line, 2)
        XCTAssertEqual(pairs[1].value.column, 10, "columns count Unicode scalars, not bytes")
    }

    func testCollectionsStartAtTheirFirstCharacter() throws {
        let pairs = try XCTUnwrap(root("season: [5, 6]\naddress:\n  ward: X\n").pairs)
        let season = pairs[0].value, address = pairs[1].value
        XCTAssertEqual(season.kind, .sequence)
        XCTAssertEqual(season.items?.map(\.scalar), ["5", "6"])
        XCTAssertEqual([season.line, season.column], [1, 9])
        XCTAssertNil(season.pairs)
        XCTAssertEqual(address.kind, .mapping)
        XCTAssertEqual([address.line, address.column], [3, 3])
        XCTAssertNil(address.items)
        XCTAssertNil(address.scalar)
    }

    func testOnlyPlainScalarsCanBeNull() throws {
        let values = try XCTUnwrap(root("a: ~\nb: '~'\nc:\nd: \"\"\ne: |\n  x\n").pairs).map(\.value)
        XCTAssertEqual(values.map(\.scalar), ["~", "~", "", "", "x\n"])
        XCTAssertEqual(values.map(\.isPlain), [true, false, true, false, false])
    }

    func testDuplicateKeysAreKeptInOrder() throws {
        let pairs = try XCTUnwrap(root("name: x\nname: y\n").pairs)
        XCTAssertEqual(pairs.map(\.value.scalar), ["x", "y"])
        XCTAssertEqual(pairs.map(\.key.line), [1, 2])
    }

    func testAnAliasIsTheNodeItsAnchorNames() throws {
        let pairs = try XCTUnwrap(root("a: &x [1, 2]\nb: *x\nc: &y v\nd: *y\n").pairs)
        XCTAssertEqual(pairs[1].value.items?.map(\.scalar), ["1", "2"])
        XCTAssertEqual([pairs[1].value.line, pairs[1].value.column], [1, 4], "where the anchored node is")
        XCTAssertEqual(pairs[3].value.scalar, "v")
    }

    func testRepeatedAliasesCostNothing() throws {
        let laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + (1...9).map { "l\($0): &l\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*l\($0 - 1)", count: 9).joined(separator: ", ") + "]\n" }.joined()
        let pairs = try XCTUnwrap(root(laughs).pairs)
        XCTAssertEqual(pairs.last?.value.items?.count, 9)
    }

    func testUndefinedAndSelfAliasesAreErrors() {
        let undefined = failure("a: *nowhere\n")
        XCTAssertEqual(undefined?.problem, "found undefined alias")
        XCTAssertEqual(undefined?.line, 1)
        XCTAssertEqual(undefined?.column, 4)
        // The anchor names its node once the node is complete, so it cannot contain itself.
        XCTAssertEqual(failure("self: &s [*s]\n")?.problem, "found undefined alias")
    }

    func testASecondDocumentIsAnError() {
        let error = failure("a: 1\n---\nb: 2\n")
        XCTAssertEqual(error?.problem, "but found another document")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 1)
    }

    func testEmptyAndCommentOnlyTextsHaveNoDocument() throws {
        XCTAssertNil(try YAMLDocument.parse(""))
        XCTAssertNil(try YAMLDocument.parse("# only a comment\n"))
        XCTAssertEqual(try root("just text").scalar, "just text")
    }

    func testSyntaxErrorsCarryLibyamlsWordsAndPosition() {
        let error = failure("name: A\nsector: x: y\n")
        XCTAssertEqual(error?.problem, "mapping values are not allowed in this context")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 10)
        XCTAssertEqual(error?.description, "2:10: mapping values are not allowed in this context")
        XCTAssertEqual(failure("key: \"unterminated\n")?.problem, "found unexpected end of stream")
    }

    func testAControlCharacterHasNoPosition() {
        let error = failure("a: \u{1}\n")
        XCTAssertEqual(error?.problem, "control characters are not allowed")
        XCTAssertNil(error?.line)
        XCTAssertEqual(error?.description, "control characters are not allowed")
    }

    func testOneByteOrderMarkAtTheStartOfAValueIsDropped() throws {
        let values = try XCTUnwrap(root("a: \u{FEFF}2026-09-27\nb: \u{FEFF}\u{FEFF}x\nc: x\u{FEFF}\n").pairs).map(\.value.scalar)
        XCTAssertEqual(values, ["2026-09-27", "\u{FEFF}x", "x\u{FEFF}"])
    }

    func testDeepNestingIsReadWithoutRecursion() throws {
        let depth = 5_000 // libyaml itself slows down quadratically with depth, so not more
        let node = try root(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        XCTAssertEqual(node.kind, .sequence)
        XCTAssertEqual(node.items?.first?.kind, .sequence)
    }

    func testValuesWithNULsAndEscapesSurvive() throws {
        XCTAssertEqual(try root("\"a\\0b\\u00e1\"").scalar, "a\u{0}bá")
    }
}
