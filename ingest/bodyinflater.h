#pragma once

#include <QByteArray>
#include <QString>

namespace tracedeck {

// gzip decompression of request bodies with a cap on the inflated size, so a small "gzip bomb" cannot
// expand into gigabytes: inflation stops as soon as the output passes maxBytes.
class BodyInflater {
public:
    enum class Status { Ok, TooLarge, Corrupt };
    struct Result {
        Status status = Status::Ok;
        QByteArray data;
        QString error;
    };

    static Result gunzip(QByteArrayView compressed, qsizetype maxBytes);
};

} // namespace tracedeck
