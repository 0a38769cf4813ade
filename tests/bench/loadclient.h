#pragma once

#include <cstdint>
#include <string>

// One keep-alive HTTP/1.1 connection with blocking POSIX sockets: the cheapest client there is, so the
// benchmark measures the server, not the client.
class LoadClient {
public:
    explicit LoadClient(uint16_t port);
    ~LoadClient();
    LoadClient(const LoadClient &) = delete;
    LoadClient &operator=(const LoadClient &) = delete;

    bool connected() const { return m_fd >= 0; }
    // POSTs body and reads the whole response; returns the HTTP status, or 0 on a connection error.
    int post(const std::string &path, const std::string &contentType, const std::string &body);

private:
    bool sendAll(const char *data, size_t size);
    int m_fd = -1;
    std::string m_buffer;
};
