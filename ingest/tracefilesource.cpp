#include "tracefilesource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace tracedeck {

namespace {

constexpr size_t kChunk = 1 << 20;
constexpr size_t kInChunk = 256 << 10;

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceFileSource", text);
}

// memchr is vectorized; std::count over a megabyte of mostly non-newlines is not.
qint64 countNewlines(const char *begin, const char *end)
{
    qint64 lines = 0;
    while (begin < end) {
        const auto *hit = static_cast<const char *>(std::memchr(begin, '\n', size_t(end - begin)));
        if (!hit)
            break;
        ++lines;
        begin = hit + 1;
    }
    return lines;
}

} // namespace

TraceFileSource::TraceFileSource() = default;

TraceFileSource::~TraceFileSource()
{
    if (m_zInit)
        inflateEnd(&m_z);
}

bool TraceFileSource::openFile(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        *error = tr("cannot open %1: %2").arg(path, file->errorString());
        return false;
    }
    m_fileSize = file->size();
    m_device = std::move(file);
    start();
    return true;
}

void TraceFileSource::openBytes(const QByteArray &bytes)
{
    m_bytes = bytes;
    auto buffer = std::make_unique<QBuffer>(&m_bytes);
    buffer->open(QIODevice::ReadOnly);
    m_fileSize = bytes.size();
    m_device = std::move(buffer);
    start();
}

void TraceFileSource::start()
{
    char magic[2] = {0, 0};
    const qint64 got = m_device->peek(magic, 2);
    m_gzip = got == 2 && uchar(magic[0]) == 0x1f && uchar(magic[1]) == 0x8b;
    if (m_gzip) {
        m_z = z_stream{};
        m_zInit = inflateInit2(&m_z, 16 + MAX_WBITS) == Z_OK;
        m_in.resize(kInChunk);
    }
    setg(nullptr, nullptr, nullptr);
}

qint64 TraceFileSource::fileBytesRead() const
{
    return m_device ? m_device->pos() : 0;
}

qint64 TraceFileSource::offset() const
{
    return m_bufferStart + (gptr() - eback());
}

qint64 TraceFileSource::line() const
{
    return m_linesBefore + countNewlines(eback(), gptr()) + 1;
}

size_t TraceFileSource::readRaw(char *out, size_t n)
{
    const qint64 got = m_device->read(out, qint64(n));
    return got > 0 ? size_t(got) : 0;
}

size_t TraceFileSource::readContent(char *out, size_t n)
{
    if (m_eof || n == 0)
        return 0;
    size_t produced = 0;
    if (!m_gzip) {
        produced = readRaw(out, n);
    } else if (!m_zInit) {
        m_error = tr("gzip: cannot start inflating");
    } else {
        m_z.next_out = reinterpret_cast<Bytef *>(out);
        m_z.avail_out = uInt(n);
        while (m_z.avail_out > 0) {
            if (m_z.avail_in == 0) {
                const size_t got = readRaw(m_in.data(), m_in.size());
                if (got == 0) {
                    if (!m_zEnd)
                        m_error = tr("gzip: the compressed data ends early (truncated file)");
                    break;
                }
                m_z.next_in = reinterpret_cast<Bytef *>(m_in.data());
                m_z.avail_in = uInt(got);
            }
            if (m_zEnd) {
                // Another gzip member follows (concatenated .gz files are one stream).
                inflateReset(&m_z);
                m_zEnd = false;
            }
            const int rc = inflate(&m_z, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                m_zEnd = true;
                continue;
            }
            if (rc != Z_OK && rc != Z_BUF_ERROR) {
                m_error = tr("gzip: corrupt compressed data (%1)")
                              .arg(QString::fromLatin1(m_z.msg ? m_z.msg : "inflate failed"));
                break;
            }
        }
        produced = n - m_z.avail_out;
        m_inflated += qint64(produced);
        const qint64 compressed = std::max<qint64>(1, fileBytesRead() - m_z.avail_in);
        if (m_inflated > kBombFloorBytes && m_inflated > kMaxExpansion * compressed) {
            m_error = tr("gzip: %1 MB of compressed data expand past %2 MB (more than %3 times): refused as "
                         "a gzip bomb")
                          .arg(compressed >> 20)
                          .arg(m_inflated >> 20)
                          .arg(kMaxExpansion);
            produced = 0;
        }
    }
    if (produced == 0)
        m_eof = true;
    return produced;
}

bool TraceFileSource::fill(size_t atLeast)
{
    // Keep what is not consumed yet, then append until atLeast bytes are there or the content ends.
    const size_t consumed = size_t(gptr() - eback());
    const size_t left = size_t(egptr() - gptr());
    if (consumed > 0) {
        m_linesBefore += countNewlines(eback(), gptr());
        m_bufferStart += qint64(consumed);
        std::memmove(m_buf.data(), gptr(), left);
    }
    m_buf.resize(std::max(m_buf.size(), std::max(atLeast, kChunk)));
    size_t have = left;
    while (have < atLeast) {
        size_t want = m_buf.size() - have;
        if (m_limitAt >= 0)
            want = size_t(std::min<qint64>(qint64(want),
                                           std::max<qint64>(0, m_limitAt - (m_bufferStart + qint64(have)))));
        if (want == 0) {
            if (m_limitAt >= 0 && m_bufferStart + qint64(have) >= m_limitAt && !m_eof) {
                char probe;
                if (readContent(&probe, 1) == 1) {
                    m_error = m_limitError;
                    m_eof = true;
                }
            }
            break;
        }
        const size_t got = readContent(m_buf.data() + have, want);
        if (got == 0)
            break;
        have += got;
    }
    setg(m_buf.data(), m_buf.data(), m_buf.data() + have);
    return have > 0;
}

TraceFileSource::int_type TraceFileSource::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    if (!fill(1))
        return traits_type::eof();
    return traits_type::to_int_type(*gptr());
}

std::string_view TraceFileSource::peek(size_t n)
{
    if (size_t(egptr() - gptr()) < n)
        fill(n);
    return std::string_view(gptr(), std::min(n, size_t(egptr() - gptr())));
}

void TraceFileSource::limit(qint64 bytes, const QString &error)
{
    m_limitAt = offset() + bytes;
    m_limitError = error;
}

bool TraceFileSource::readRest(std::string &out)
{
    out.clear();
    const qint64 cap = m_limitAt >= 0 ? m_limitAt - offset() : -1;
    while (underflow() != traits_type::eof()) {
        out.append(gptr(), size_t(egptr() - gptr()));
        setg(eback(), egptr(), egptr());
        // What peek() buffered before the limit was set counts too.
        if (cap >= 0 && qint64(out.size()) > cap) {
            m_error = m_limitError;
            out.clear();
            return false;
        }
    }
    return m_error.isEmpty();
}

bool TraceFileSource::readExactly(char *out, size_t n)
{
    while (n > 0) {
        if (underflow() == traits_type::eof())
            return false;
        const size_t take = std::min(n, size_t(egptr() - gptr()));
        std::memcpy(out, gptr(), take);
        gbump(int(take));
        out += take;
        n -= take;
    }
    return true;
}

bool TraceFileSource::atEnd()
{
    return underflow() == traits_type::eof();
}

} // namespace tracedeck
