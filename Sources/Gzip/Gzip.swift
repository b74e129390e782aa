import CZlib

/// gzip (RFC 1952) through zlib, with a fixed header: no file name, no time, the same OS byte
/// everywhere, so the same bytes always compress to the same file (a rebuild changes nothing
/// a server or a cache could notice).
public enum Gzip {
    public enum Failure: Error {
        case zlib(Int32)
    }

    public static func compress(_ input: [UInt8], level: Int32 = 9) throws -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper instead of zlib's; memLevel 9 is zlib's best.
        var status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw Failure.zlib(status) }
        defer { deflateEnd(&stream) }
        var header = gz_header()
        header.time = 0
        header.os = 3 // Unix, whatever the platform, so macOS and Linux builds agree
        status = deflateSetHeader(&stream, &header)
        guard status == Z_OK else { throw Failure.zlib(status) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                status = deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        guard status == Z_STREAM_END else { throw Failure.zlib(status) }
        return Array(output[..<produced])
    }
}
