#include "bodyinflater.h"

#include <zlib.h>

namespace tracedeck {

BodyInflater::Result BodyInflater::gunzip(QByteArrayView compressed, qsizetype maxBytes)
{
    Result result;
    z_stream stream{};
    // 16 + MAX_WBITS: expect a gzip header and trailer (checked CRC), not raw zlib.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        result.status = Status::Corrupt;
        result.error = QStringLiteral("cannot initialise gzip decoder");
        return result;
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    stream.avail_in = uInt(compressed.size());
    constexpr qsizetype kChunk = 256 * 1024;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (result.data.size() >= maxBytes + 1) {
            result.status = Status::TooLarge;
            result.error = QStringLiteral("gzip body inflates to more than %1 bytes").arg(maxBytes);
            break;
        }
        const qsizetype offset = result.data.size();
        const qsizetype room = std::min(kChunk, maxBytes + 1 - offset);
        result.data.resize(offset + room);
        stream.next_out = reinterpret_cast<Bytef *>(result.data.data() + offset);
        stream.avail_out = uInt(room);
        rc = inflate(&stream, Z_NO_FLUSH);
        result.data.resize(offset + room - qsizetype(stream.avail_out));
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK || (stream.avail_in == 0 && stream.avail_out != 0)) {
            result.status = Status::Corrupt;
            result.error = rc == Z_OK || rc == Z_BUF_ERROR
                               ? QStringLiteral("gzip body is truncated")
                               : QStringLiteral("gzip body is corrupt: %1")
                                     .arg(QString::fromUtf8(stream.msg ? stream.msg : "?"));
            break;
        }
    }
    inflateEnd(&stream);
    if (result.status == Status::Ok && result.data.size() > maxBytes) {
        result.status = Status::TooLarge;
        result.error = QStringLiteral("gzip body inflates to more than %1 bytes").arg(maxBytes);
    }
    if (result.status != Status::Ok)
        result.data.clear();
    return result;
}

} // namespace tracedeck
