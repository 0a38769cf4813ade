#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tracedeck {

// Reads the fields of one seed-API JSON record, stopping at the first bad one with an error that names it
// as the client wrote it ("[2].request_timestamp: not ISO 8601"). An absent field and a JSON null are the
// same: "missing" when required, skipped otherwise.
class SeedRecordReader {
public:
    SeedRecordReader(const nlohmann::json &record, std::string prefix);

    // The value of key, or nullptr when absent or null.
    const nlohmann::json *find(std::string_view key) const;

    bool text(std::string_view key, std::string &out, bool required = false);
    bool count(std::string_view key, std::optional<int64_t> &out, bool required = false); // integer >= 0
    bool integer(std::string_view key, std::optional<int64_t> &out, bool required = false);
    bool amount(std::string_view key, std::optional<double> &out, bool required = false); // number >= 0
    bool timestamp(std::string_view key, std::optional<int64_t> &nanos, bool required = false);
    bool boolean(std::string_view key, std::optional<bool> &out);
    bool object(std::string_view key, const nlohmann::json *&out);
    bool array(std::string_view key, const nlohmann::json *&out);

    bool fail(std::string_view key, std::string_view message);
    std::string takeError() { return std::move(m_error); }

private:
    const nlohmann::json &m_record;
    std::string m_prefix;
    std::string m_error;
};

} // namespace tracedeck
