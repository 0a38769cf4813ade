#include "seedrecordreader.h"

#include "isotimestamp.h"

#include <cmath>
#include <limits>

namespace tracedeck {

SeedRecordReader::SeedRecordReader(const nlohmann::json &record, std::string prefix)
    : m_record(record)
    , m_prefix(std::move(prefix))
{}

const nlohmann::json *SeedRecordReader::find(std::string_view key) const
{
    const auto it = m_record.find(key);
    if (it == m_record.end() || it->is_null())
        return nullptr;
    return &*it;
}

bool SeedRecordReader::fail(std::string_view key, std::string_view message)
{
    m_error = m_prefix;
    m_error += key;
    m_error += ": ";
    m_error += message;
    return false;
}

bool SeedRecordReader::text(std::string_view key, std::string &out, bool required)
{
    const nlohmann::json *value = find(key);
    if (!value)
        return required ? fail(key, "missing") : true;
    if (!value->is_string())
        return fail(key, "not a string");
    const auto &s = value->get_ref<const std::string &>();
    if (required && s.empty())
        return fail(key, "empty");
    out = s;
    return true;
}

bool SeedRecordReader::integer(std::string_view key, std::optional<int64_t> &out, bool required)
{
    const nlohmann::json *value = find(key);
    if (!value)
        return required ? fail(key, "missing") : true;
    if (value->is_number_unsigned()) {
        if (value->get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
            return fail(key, "out of range");
        out = int64_t(value->get<uint64_t>());
        return true;
    }
    if (!value->is_number_integer())
        return fail(key, "not an integer");
    out = value->get<int64_t>();
    return true;
}

bool SeedRecordReader::count(std::string_view key, std::optional<int64_t> &out, bool required)
{
    if (!integer(key, out, required))
        return false;
    if (out && *out < 0)
        return fail(key, "negative");
    return true;
}

bool SeedRecordReader::amount(std::string_view key, std::optional<double> &out, bool required)
{
    const nlohmann::json *value = find(key);
    if (!value)
        return required ? fail(key, "missing") : true;
    if (!value->is_number())
        return fail(key, "not a number");
    const double v = value->get<double>();
    if (!std::isfinite(v))
        return fail(key, "not a number");
    if (v < 0)
        return fail(key, "negative");
    out = v;
    return true;
}

bool SeedRecordReader::timestamp(std::string_view key, std::optional<int64_t> &nanos, bool required)
{
    const nlohmann::json *value = find(key);
    if (!value)
        return required ? fail(key, "missing") : true;
    if (!value->is_string())
        return fail(key, "not ISO 8601");
    nanos = IsoTimestamp::toNanos(value->get_ref<const std::string &>());
    if (!nanos)
        return fail(key, "not ISO 8601");
    return true;
}

bool SeedRecordReader::boolean(std::string_view key, std::optional<bool> &out)
{
    const nlohmann::json *value = find(key);
    if (!value)
        return true;
    if (!value->is_boolean())
        return fail(key, "not true or false");
    out = value->get<bool>();
    return true;
}

bool SeedRecordReader::object(std::string_view key, const nlohmann::json *&out)
{
    out = find(key);
    if (out && !out->is_object())
        return fail(key, "not an object");
    return true;
}

bool SeedRecordReader::array(std::string_view key, const nlohmann::json *&out)
{
    out = find(key);
    if (out && !out->is_array())
        return fail(key, "not an array");
    return true;
}

} // namespace tracedeck
