#include "spanids.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <algorithm>

namespace tracedeck::spanids {

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAllZeroHex(std::string_view hex)
{
    return std::all_of(hex.begin(), hex.end(), [](char c) { return c == '0'; });
}

std::string lowerHex(std::string_view text)
{
    std::string out(text);
    for (auto &c : out)
        if (c >= 'A' && c <= 'F')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::string toHex(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0xf]);
    }
    return out;
}

std::optional<std::string> fromOtlpJson(std::string_view text, size_t byteLength)
{
    if (text.size() == byteLength * 2 && std::all_of(text.begin(), text.end(), isHexDigit)) {
        if (isAllZeroHex(text))
            return std::nullopt;
        return lowerHex(text);
    }
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(text.data(), qsizetype(text.size())),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || static_cast<size_t>(decoded.decoded.size()) != byteLength)
        return std::nullopt;
    return fromOtlpBytes(std::string_view(decoded.decoded.constData(), byteLength), byteLength);
}

std::optional<std::string> fromOtlpBytes(std::string_view bytes, size_t byteLength)
{
    if (bytes.size() != byteLength)
        return std::nullopt;
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; }))
        return std::nullopt;
    return toHex(bytes);
}

std::optional<std::string> fromZipkinHex(std::string_view text, size_t maxHexChars, size_t padToHexChars)
{
    if (text.empty() || text.size() > maxHexChars || !std::all_of(text.begin(), text.end(), isHexDigit) ||
        isAllZeroHex(text))
        return std::nullopt;
    std::string out = lowerHex(text);
    if (out.size() < padToHexChars)
        out.insert(0, padToHexChars - out.size(), '0');
    return out;
}

std::string derivedSpanId(std::string_view spanId, std::string_view salt)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArrayView(spanId.data(), qsizetype(spanId.size())));
    hash.addData(QByteArrayView(salt.data(), qsizetype(salt.size())));
    const QByteArray digest = hash.result();
    return toHex(std::string_view(digest.constData(), kSpanIdBytes));
}

} // namespace tracedeck::spanids
