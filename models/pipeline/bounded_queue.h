#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace Awb {

// A blocking queue bounded by weight (bytes, for messages) rather than count, so that a run of
// 50 MB messages holds as little memory as a run of 5 KB ones. One item is always admitted even
// when it alone exceeds the budget, so a huge message never deadlocks the pipeline.
template <typename T> class BoundedQueue
{
public:
    explicit BoundedQueue(qint64 budget)
        : m_budget(budget)
    {}

    // Blocks while full. Returns false when the queue was closed (the item is dropped).
    bool push(T item, qint64 weight)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(
            lock, [&] { return m_closed || m_items.empty() || m_weight + weight <= m_budget; });
        if (m_closed)
            return false;
        m_weight += weight;
        m_items.push_back({std::move(item), weight});
        m_notEmpty.notify_one();
        return true;
    }

    // Blocks while empty. Returns nothing once the queue is closed and drained.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return m_closed || !m_items.empty(); });
        if (m_items.empty())
            return std::nullopt;
        Entry entry = std::move(m_items.front());
        m_items.pop_front();
        m_weight -= entry.weight;
        m_notFull.notify_all();
        return std::move(entry.item);
    }

    // No more pushes; pops drain what is left. Wakes every waiter.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

    // Close and throw away what is queued (cancellation).
    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_items.clear();
        m_weight = 0;
        m_notEmpty.notify_all();
        m_notFull.notify_all();
    }

private:
    struct Entry
    {
        T item;
        qint64 weight;
    };
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<Entry> m_items;
    qint64 m_budget;
    qint64 m_weight = 0;
    bool m_closed = false;
};

} // namespace Awb
