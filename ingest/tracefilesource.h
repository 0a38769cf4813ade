#pragma once

#include <QByteArray>
#include <QString>

#include <zlib.h>

#include <memory>
#include <streambuf>
#include <vector>

class QIODevice;

namespace tracedeck {

// A trace file as a stream of its content: read in chunks, gzip inflated on the fly (zlib) when the file
// starts with the gzip magic, so a file far larger than memory is never held whole. Counts what it has
// handed out (byte offset and line, for messages) and how much of the file it has read (for progress).
// Against gzip bombs: once the output passes kBombFloorBytes, an expansion beyond kMaxExpansion times the
// compressed input read so far stops the stream with an error.
class TraceFileSource : public std::streambuf {
public:
    static constexpr qint64 kBombFloorBytes = 64ll << 20;
    static constexpr qint64 kMaxExpansion = 250;

    TraceFileSource();
    ~TraceFileSource() override;

    bool openFile(const QString &path, QString *error);
    void openBytes(const QByteArray &bytes);

    bool gzipped() const { return m_gzip; }
    qint64 fileSize() const { return m_fileSize; }
    qint64 fileBytesRead() const; // of the file as stored (compressed when gzipped)
    qint64 offset() const;        // content bytes handed out so far
    qint64 line() const;          // 1-based line of the next content byte
    // Why the content ended early (corrupt gzip, bomb, limit), empty when it ended at the end of the file.
    const QString &error() const { return m_error; }

    // Up to n bytes of content from the current position, without consuming them.
    std::string_view peek(size_t n);
    // Stops the content after `bytes` more bytes with the given error (formats that must be read whole).
    void limit(qint64 bytes, const QString &error);
    // The rest of the content, or false (and error()) when it is over the limit set.
    bool readRest(std::string &out);
    // Exactly n bytes, or false at the end of the content.
    bool readExactly(char *out, size_t n);
    // True once no content is left (skips nothing).
    bool atEnd();

protected:
    int_type underflow() override;

private:
    void start();
    size_t readContent(char *out, size_t n);
    size_t readRaw(char *out, size_t n);
    bool fill(size_t atLeast);

    std::unique_ptr<QIODevice> m_device;
    QByteArray m_bytes;
    qint64 m_fileSize = 0;
    bool m_gzip = false;
    bool m_zInit = false;
    bool m_zEnd = false;
    z_stream m_z{};
    std::vector<char> m_in;
    qint64 m_inflated = 0;

    std::vector<char> m_buf;
    qint64 m_bufferStart = 0; // content offset of m_buf[0]
    qint64 m_linesBefore = 0; // newlines before m_buf[0]
    qint64 m_limitAt = -1;
    QString m_limitError;
    QString m_error;
    bool m_eof = false;
};

} // namespace tracedeck
