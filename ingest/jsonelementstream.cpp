#include "jsonelementstream.h"

namespace tracedeck {

using nlohmann::json;

namespace {

class Handler {
public:
    Handler(const std::string &streamKey, const JsonElementStream::ElementFn &onElement, int maxDepth,
            JsonElementStream::Result &result)
        : m_streamKey(streamKey)
        , m_onElement(onElement)
        , m_maxDepth(size_t(maxDepth))
        , m_result(result)
    {}

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool number_integer(json::number_integer_t v) { return scalar(v); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
    bool number_float(json::number_float_t v, const std::string &) { return scalar(v); }
    bool string(std::string &v) { return scalar(std::move(v)); }
    bool binary(json::binary_t &v) { return scalar(json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t)
    {
        const bool streamed = !m_streaming && ((m_stack.empty() && m_streamKey.empty()) ||
                                               (m_stack.size() == 1 && m_stack.front()->is_object() &&
                                                !m_streamKey.empty() && m_key == m_streamKey));
        if (!open(json::array()))
            return false;
        if (streamed) {
            m_streaming = true;
            m_streamLevel = m_stack.size();
        }
        return true;
    }
    bool key(std::string &k)
    {
        m_key = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool end_array()
    {
        if (m_streaming && m_stack.size() == m_streamLevel)
            m_streaming = false;
        return close();
    }

    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &ex)
    {
        std::string what = ex.what();
        const auto pos = what.find("] ");
        m_result.error = "malformed JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2));
        (void)position;
        return false;
    }

private:
    json *place(json &&value)
    {
        if (m_stack.empty()) {
            m_result.document = std::move(value);
            return &m_result.document;
        }
        if (m_streaming && m_stack.size() == m_streamLevel) {
            m_element = std::move(value);
            return &m_element;
        }
        json *top = m_stack.back();
        if (top->is_array()) {
            top->push_back(std::move(value));
            return &top->back();
        }
        json &slot = (*top)[m_key];
        slot = std::move(value);
        return &slot;
    }

    template <typename V> bool scalar(V &&value)
    {
        place(json(std::forward<V>(value)));
        if (m_streaming && m_stack.size() == m_streamLevel)
            return handOver();
        return true;
    }

    bool open(json &&container)
    {
        if (m_stack.size() >= m_maxDepth) {
            m_result.error = "JSON nested deeper than " + std::to_string(m_maxDepth) + " levels";
            return false;
        }
        m_stack.push_back(place(std::move(container)));
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        if (m_streaming && m_stack.size() == m_streamLevel)
            return handOver();
        return true;
    }

    bool handOver()
    {
        const size_t index = m_result.elements++;
        if (!m_onElement(std::move(m_element), index)) {
            m_result.stopped = true;
            return false;
        }
        m_element = json();
        return true;
    }

    const std::string &m_streamKey;
    const JsonElementStream::ElementFn &m_onElement;
    size_t m_maxDepth;
    JsonElementStream::Result &m_result;
    std::vector<json *> m_stack;
    std::string m_key;
    json m_element;
    bool m_streaming = false;
    size_t m_streamLevel = 0;
};

} // namespace

JsonElementStream::Result JsonElementStream::parse(std::istream &in, const std::string &streamKey,
                                                   const ElementFn &onElement, int maxDepth)
{
    Result result;
    Handler handler(streamKey, onElement, maxDepth, result);
    // strict = false: stop after the document, so the caller can tell what follows it.
    result.ok = json::sax_parse(in, &handler, json::input_format_t::json, false);
    if (result.stopped)
        result.ok = false;
    return result;
}

JsonElementStream::Result JsonElementStream::parse(std::string_view text, const std::string &streamKey,
                                                   const ElementFn &onElement, int maxDepth)
{
    Result result;
    Handler handler(streamKey, onElement, maxDepth, result);
    result.ok = json::sax_parse(text.begin(), text.end(), &handler, json::input_format_t::json, true);
    if (result.stopped)
        result.ok = false;
    return result;
}

} // namespace tracedeck
