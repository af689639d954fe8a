package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Basic groups, supergroups and channels: their info ({@code getBasicGroup}, {@code getBasicGroupFullInfo},
 * {@code getSupergroup}, {@code getSupergroupFullInfo}), supergroup members by any filter
 * ({@code getSupergroupMembers}), adding members ({@code addChatMember}, {@code addChatMembers}),
 * creating groups ({@code createNewBasicGroupChat}, {@code createNewSupergroupChat}) and joining by an
 * invite link ({@code checkChatInviteLink}, {@code joinChatByInviteLink}). Shapes as in td_api.tl of
 * TDLib 1.8.67, checked against the real library's parser.
 *
 * <p>A group's id is not its chat's id: a {@link Chat} of kind {@code "BasicGroup"} or {@code "Supergroup"}
 * carries it as {@code type.basic_group_id} / {@code type.supergroup_id} ({@link #groupId(Chat)}). The sync
 * forms wait for TDLib's answer (not from a listener callback); {@code ...Async} forms return a future.
 *
 * <pre>{@code
 * TdGroups groups = client.groups();
 * Chat chat = client.chats().chat(chatId);
 * TdGroups.Supergroup sg = groups.supergroup(TdGroups.groupId(chat));
 * TdGroups.Members admins = groups.members(sg.id(), TdGroups.Filter.administrators(), 0, 50);
 * TdGroups.Members found = groups.members(sg.id(), TdGroups.Filter.search("ada"), 0, 20);
 * }</pre>
 */
public final class TdGroups {
    private final TdCalls calls;

    TdGroups(TdCalls calls) {
        this.calls = calls;
    }

    /**
     * @param chat a chat of kind {@code "BasicGroup"} or {@code "Supergroup"}
     * @return its basic group's or supergroup's id
     * @throws IllegalArgumentException for another kind of chat
     */
    public static long groupId(Chat chat) {
        JsonNode type = chat.raw().path("type");
        JsonNode id = type.has("supergroup_id") ? type.get("supergroup_id") : type.get("basic_group_id");
        if (id == null) {
            throw new IllegalArgumentException("chat " + chat.id() + " is a " + chat.kind() + " chat, not a group");
        }
        return id.asLong();
    }

    private <T> CompletableFuture<T> call(ObjectNode f, Function<JsonNode, T> decode) {
        return calls.call(f).thenApply(decode);
    }

    // ------------------------------------------------------------------ info

    /**
     * @param basicGroupId the group ({@link #groupId(Chat)})
     * @return the group ({@code getBasicGroup})
     */
    public BasicGroup basicGroup(long basicGroupId) {
        return calls.await(basicGroupAsync(basicGroupId));
    }

    /**
     * @param basicGroupId the group
     * @return as {@link #basicGroup}
     */
    public CompletableFuture<BasicGroup> basicGroupAsync(long basicGroupId) {
        return call(TdClient.function("getBasicGroup").put("basic_group_id", basicGroupId), BasicGroup::of);
    }

    /**
     * @param basicGroupId the group
     * @return its description, invite link and every member ({@code getBasicGroupFullInfo})
     */
    public FullInfo basicGroupInfo(long basicGroupId) {
        return calls.await(basicGroupInfoAsync(basicGroupId));
    }

    /**
     * @param basicGroupId the group
     * @return as {@link #basicGroupInfo}
     */
    public CompletableFuture<FullInfo> basicGroupInfoAsync(long basicGroupId) {
        return call(TdClient.function("getBasicGroupFullInfo").put("basic_group_id", basicGroupId), FullInfo::of);
    }

    /**
     * @param supergroupId the supergroup or channel ({@link #groupId(Chat)})
     * @return it ({@code getSupergroup})
     */
    public Supergroup supergroup(long supergroupId) {
        return calls.await(supergroupAsync(supergroupId));
    }

    /**
     * @param supergroupId the supergroup or channel
     * @return as {@link #supergroup}
     */
    public CompletableFuture<Supergroup> supergroupAsync(long supergroupId) {
        return call(TdClient.function("getSupergroup").put("supergroup_id", supergroupId), Supergroup::of);
    }

    /**
     * @param supergroupId the supergroup or channel
     * @return its description, counts and invite link ({@code getSupergroupFullInfo}; members through
     *     {@link #members})
     */
    public FullInfo supergroupInfo(long supergroupId) {
        return calls.await(supergroupInfoAsync(supergroupId));
    }

    /**
     * @param supergroupId the supergroup or channel
     * @return as {@link #supergroupInfo}
     */
    public CompletableFuture<FullInfo> supergroupInfoAsync(long supergroupId) {
        return call(TdClient.function("getSupergroupFullInfo").put("supergroup_id", supergroupId), FullInfo::of);
    }

    // ------------------------------------------------------------------ members

    /**
     * A page of a supergroup's or channel's members ({@code getSupergroupMembers}). Needs
     * {@code can_get_members} in its full info; some filters need administrator rights.
     *
     * @param supergroupId the supergroup or channel
     * @param filter which members ({@link Filter#recent()}, ...)
     * @param offset how many to skip
     * @param limit at most this many, up to 200
     * @return the page and the total count
     */
    public Members members(long supergroupId, Filter filter, int offset, int limit) {
        return calls.await(membersAsync(supergroupId, filter, offset, limit));
    }

    /**
     * @param supergroupId the supergroup or channel
     * @param filter which members
     * @param offset how many to skip
     * @param limit at most this many
     * @return as {@link #members}
     */
    public CompletableFuture<Members> membersAsync(long supergroupId, Filter filter, int offset, int limit) {
        ObjectNode f = TdClient.function("getSupergroupMembers").put("supergroup_id", supergroupId);
        f.set("filter", filter.td.deepCopy());
        return call(f.put("offset", offset).put("limit", limit), Members::of);
    }

    /**
     * Adds a user to a group ({@code addChatMember}; needs the right to invite users).
     *
     * @param chatId the group's chat
     * @param userId the user
     * @param forwardLimit how many earlier messages a basic group shows the new member, up to 100
     * @return the users Telegram did not add (their privacy settings forbid it), empty when added
     */
    public List<FailedToAdd> addMember(long chatId, long userId, int forwardLimit) {
        return calls.await(call(TdClient.function("addChatMember").put("chat_id", chatId).put("user_id", userId)
                .put("forward_limit", forwardLimit), FailedToAdd::list));
    }

    /**
     * Adds users to a supergroup or channel ({@code addChatMembers}: up to 20 for supergroups, 100 for
     * channels; basic groups take {@link #addMember} one by one).
     *
     * @param chatId the supergroup's or channel's chat
     * @param userIds the users
     * @return the users Telegram did not add
     */
    public List<FailedToAdd> addMembers(long chatId, List<Long> userIds) {
        ObjectNode f = TdClient.function("addChatMembers").put("chat_id", chatId);
        ArrayNode ids = f.putArray("user_ids");
        userIds.forEach(ids::add);
        return calls.await(call(f, FailedToAdd::list));
    }

    // ------------------------------------------------------------------ create, join

    /**
     * Creates a basic group ({@code createNewBasicGroupChat}, which in TDLib 1.8.67 answers a
     * {@code createdBasicGroupChat}: the chat's id and who could not be added).
     *
     * <pre>{@code
     * TdGroups.CreatedBasicGroup g = client.groups().createBasicGroup("Release crew", List.of(userId));
     * client.messages().sendText(g.chatId(), "welcome");
     * }</pre>
     *
     * @param title 1-128 characters
     * @param userIds the first members (may be empty)
     * @return the chat's id and the users not added
     */
    public CreatedBasicGroup createBasicGroup(String title, List<Long> userIds) {
        ObjectNode f = TdClient.function("createNewBasicGroupChat");
        ArrayNode ids = f.putArray("user_ids");
        userIds.forEach(ids::add);
        f.put("title", title).put("message_auto_delete_time", 0);
        return calls.await(call(f, CreatedBasicGroup::of));
    }

    /**
     * Creates a supergroup or a channel ({@code createNewSupergroupChat}).
     *
     * @param title 1-128 characters
     * @param description 0-255 characters
     * @param channel a channel (only admins post) rather than a supergroup
     * @param forum a forum supergroup with topics (then not a channel)
     * @return the new chat
     */
    public Chat createSupergroup(String title, String description, boolean channel, boolean forum) {
        return calls.await(call(TdClient.function("createNewSupergroupChat").put("title", title)
                .put("is_forum", forum).put("is_channel", channel).put("description", description)
                .put("message_auto_delete_time", 0).put("for_import", false), Chat::of));
    }

    /**
     * What an invite link leads to, without joining ({@code checkChatInviteLink}).
     *
     * <pre>{@code
     * TdGroups.InviteLinkInfo info = client.groups().checkInviteLink("https://t.me/+AbCdEf123");
     * if (!info.createsJoinRequest()) {
     *     client.groups().joinByInviteLink("https://t.me/+AbCdEf123");
     * }
     * }</pre>
     *
     * @param inviteLink the link ({@code https://t.me/+...}, {@code https://t.me/joinchat/...})
     * @return the chat behind it
     */
    public InviteLinkInfo checkInviteLink(String inviteLink) {
        return calls.await(call(TdClient.function("checkChatInviteLink").put("invite_link", inviteLink),
                InviteLinkInfo::of));
    }

    /**
     * Joins a chat by an invite link ({@code joinChatByInviteLink}, which in TDLib 1.8.67 answers a
     * {@code ChatJoinResult}).
     *
     * @param inviteLink the link
     * @return joined (with the chat's id), or a join request was sent, or a guard bot must approve, or declined
     */
    public JoinResult joinByInviteLink(String inviteLink) {
        return calls.await(call(TdClient.function("joinChatByInviteLink").put("invite_link", inviteLink),
                JoinResult::of));
    }

    // ------------------------------------------------------------------ types

    private static String after(String prefix, JsonNode type) {
        String t = type.path("@type").asText();
        return t.startsWith(prefix) ? t.substring(prefix.length()) : t;
    }

    private static Instant instant(JsonNode seconds) {
        long s = seconds.asLong();
        return s == 0 ? null : Instant.ofEpochSecond(s);
    }

    /**
     * Which supergroup members {@link #members} returns: TDLib's {@code SupergroupMembersFilter}.
     *
     * <pre>{@code
     * TdGroups.Filter bots = TdGroups.Filter.bots();
     * TdGroups.Filter banned = TdGroups.Filter.banned("");          // "" for all of them
     * }</pre>
     */
    public static final class Filter {
        private final ObjectNode td;

        private Filter(String type, String query) {
            this.td = TdClient.function("supergroupMembersFilter" + type);
            if (query != null) {
                td.put("query", query);
            }
        }

        /** @return recently active members first ({@code supergroupMembersFilterRecent}) */
        public static Filter recent() {
            return new Filter("Recent", null);
        }

        /**
         * @param query a name to search, or {@code ""}
         * @return members who are the user's contacts ({@code supergroupMembersFilterContacts})
         */
        public static Filter contacts(String query) {
            return new Filter("Contacts", query);
        }

        /** @return the owner and administrators ({@code supergroupMembersFilterAdministrators}) */
        public static Filter administrators() {
            return new Filter("Administrators", null);
        }

        /**
         * @param query a name or username to search
         * @return members matching it ({@code supergroupMembersFilterSearch})
         */
        public static Filter search(String query) {
            return new Filter("Search", query);
        }

        /**
         * @param query a name to search, or {@code ""}
         * @return restricted members ({@code supergroupMembersFilterRestricted}; administrators only)
         */
        public static Filter restricted(String query) {
            return new Filter("Restricted", query);
        }

        /**
         * @param query a name to search, or {@code ""}
         * @return banned users ({@code supergroupMembersFilterBanned}; administrators only)
         */
        public static Filter banned(String query) {
            return new Filter("Banned", query);
        }

        /**
         * @param query a name to search, or {@code ""}
         * @return members who can be mentioned ({@code supergroupMembersFilterMention})
         */
        public static Filter mention(String query) {
            return new Filter("Mention", query);
        }

        /** @return bots ({@code supergroupMembersFilterBots}) */
        public static Filter bots() {
            return new Filter("Bots", null);
        }

        @Override
        public String toString() {
            return td.toString();
        }
    }

    /**
     * A basic group: TDLib's {@code basicGroup}.
     *
     * <pre>{@code
     * TdGroups.BasicGroup g = client.groups().basicGroup(basicGroupId);
     * long current = g.upgradedToSupergroupId() != 0 ? g.upgradedToSupergroupId() : g.id();   // it may have become a supergroup
     * }</pre>
     *
     * @param id the group's id
     * @param memberCount how many members
     * @param status this account's status in it: {@code "Creator"}, {@code "Administrator"}, {@code "Member"},
     *     {@code "Restricted"}, {@code "Left"}, {@code "Banned"}
     * @param active whether the group is active (not upgraded)
     * @param upgradedToSupergroupId the supergroup it became, or 0
     * @param raw the object as TDLib sent it
     */
    public record BasicGroup(long id, int memberCount, String status, boolean active, long upgradedToSupergroupId,
                             JsonNode raw) {
        static BasicGroup of(JsonNode g) {
            return new BasicGroup(g.path("id").asLong(), g.path("member_count").asInt(),
                    after("chatMemberStatus", g.path("status")), g.path("is_active").asBoolean(),
                    g.path("upgraded_to_supergroup_id").asLong(), g);
        }
    }

    /**
     * A supergroup or channel: TDLib's {@code supergroup}.
     *
     * <pre>{@code
     * TdGroups.Supergroup s = client.groups().supergroup(supergroupId);
     * System.out.println((s.channel() ? "channel @" : "group @") + s.username() + ", " + s.memberCount());
     * }</pre>
     *
     * @param id the supergroup's id
     * @param username its first active username, or {@code ""}
     * @param date when this account joined it, or when it was created; {@code null} if unknown
     * @param status this account's status in it (as {@link BasicGroup#status()})
     * @param memberCount how many members (0 if TDLib does not know yet; see {@link FullInfo})
     * @param channel whether it is a channel
     * @param forum whether it is a forum with topics
     * @param raw the object as TDLib sent it
     */
    public record Supergroup(long id, String username, Instant date, String status, int memberCount, boolean channel,
                             boolean forum, JsonNode raw) {
        static Supergroup of(JsonNode g) {
            return new Supergroup(g.path("id").asLong(), g.path("usernames").path("active_usernames").path(0).asText(""),
                    instant(g.path("date")), after("chatMemberStatus", g.path("status")), g.path("member_count").asInt(),
                    g.path("is_channel").asBoolean(), g.path("is_forum").asBoolean(), g);
        }
    }

    /**
     * A group's full info: TDLib's {@code basicGroupFullInfo} or {@code supergroupFullInfo}.
     *
     * <pre>{@code
     * TdGroups.FullInfo info = client.groups().supergroupInfo(supergroupId);
     * System.out.println(info.description() + " " + info.inviteLink());
     * }</pre>
     *
     * @param description the description
     * @param memberCount members (a basic group's: its member list's size)
     * @param administratorCount administrators (supergroups; a basic group's: 0)
     * @param inviteLink the primary invite link, if this account may see it, else {@code ""}
     * @param members every member (basic groups; empty for supergroups: use {@link TdGroups#members})
     * @param raw the object as TDLib sent it
     */
    public record FullInfo(String description, int memberCount, int administratorCount, String inviteLink,
                           List<Member> members, JsonNode raw) {
        static FullInfo of(JsonNode i) {
            List<Member> members = Member.list(i.path("members"));
            int count = i.has("member_count") ? i.path("member_count").asInt() : members.size();
            return new FullInfo(i.path("description").asText(""), count, i.path("administrator_count").asInt(),
                    i.path("invite_link").path("invite_link").asText(""), members, i);
        }
    }

    /**
     * A member: TDLib's {@code chatMember}.
     *
     * <pre>{@code
     * for (TdGroups.Member m : client.groups().members(supergroupId, TdGroups.Filter.recent(), 0, 100).members()) {
     *     System.out.println(m.userId() + " " + m.status());
     * }
     * }</pre>
     *
     * @param userId the member when it is a user, else 0
     * @param chatId the member when it is a chat (a channel), else 0
     * @param status {@code "Creator"}, {@code "Administrator"}, {@code "Member"}, {@code "Restricted"},
     *     {@code "Left"}, {@code "Banned"}
     * @param joined when it joined, or {@code null}
     * @param inviterUserId who added it, or 0
     * @param raw the object as TDLib sent it
     */
    public record Member(long userId, long chatId, String status, Instant joined, long inviterUserId, JsonNode raw) {
        static Member of(JsonNode m) {
            JsonNode id = m.path("member_id");
            boolean user = "messageSenderUser".equals(id.path("@type").asText());
            return new Member(user ? id.path("user_id").asLong() : 0, user ? 0 : id.path("chat_id").asLong(),
                    after("chatMemberStatus", m.path("status")), instant(m.path("joined_chat_date")),
                    m.path("inviter_user_id").asLong(), m);
        }

        static List<Member> list(JsonNode array) {
            List<Member> list = new ArrayList<>();
            for (JsonNode m : array) {
                list.add(of(m));
            }
            return List.copyOf(list);
        }
    }

    /**
     * A page of members: TDLib's {@code chatMembers}.
     *
     * <pre>{@code
     * TdGroups.Members page = client.groups().members(supergroupId, TdGroups.Filter.bots(), 0, 50);
     * System.out.println(page.members().size() + " of " + page.totalCount());
     * }</pre>
     *
     * @param totalCount how many there are in all (approximately, for large groups)
     * @param members this page
     */
    public record Members(int totalCount, List<Member> members) {
        static Members of(JsonNode n) {
            return new Members(n.path("total_count").asInt(), Member.list(n.path("members")));
        }
    }

    /**
     * A user Telegram did not add: TDLib's {@code failedToAddMember}.
     *
     * <pre>{@code
     * for (TdGroups.FailedToAdd f : client.groups().addMembers(chatId, List.of(userId))) {
     *     System.out.println("not added: " + f.userId());
     * }
     * }</pre>
     *
     * @param userId the user
     * @param premiumWouldAllowInvite a Telegram Premium account could have added the user
     * @param premiumRequiredToSendMessages only a Premium account may message the user
     */
    public record FailedToAdd(long userId, boolean premiumWouldAllowInvite, boolean premiumRequiredToSendMessages) {
        static List<FailedToAdd> list(JsonNode failedToAddMembers) {
            List<FailedToAdd> list = new ArrayList<>();
            for (JsonNode f : failedToAddMembers.path("failed_to_add_members")) {
                list.add(new FailedToAdd(f.path("user_id").asLong(), f.path("premium_would_allow_invite").asBoolean(),
                        f.path("premium_required_to_send_messages").asBoolean()));
            }
            return List.copyOf(list);
        }
    }

    /**
     * A new basic group: TDLib's {@code createdBasicGroupChat}.
     *
     * <pre>{@code
     * long chat = client.groups().createBasicGroup("Ops", List.of()).chatId();
     * }</pre>
     *
     * @param chatId the group's chat
     * @param failed the users not added
     */
    public record CreatedBasicGroup(long chatId, List<FailedToAdd> failed) {
        static CreatedBasicGroup of(JsonNode n) {
            return new CreatedBasicGroup(n.path("chat_id").asLong(), FailedToAdd.list(n.path("failed_to_add_members")));
        }
    }

    /**
     * What an invite link leads to: TDLib's {@code chatInviteLinkInfo}.
     *
     * <pre>{@code
     * TdGroups.InviteLinkInfo info = client.groups().checkInviteLink(link);
     * System.out.println(info.title() + " (" + info.kind() + ", " + info.memberCount() + " members)");
     * }</pre>
     *
     * @param chatId the chat if this account can already see it, else 0
     * @param kind {@code "BasicGroup"}, {@code "Supergroup"} or {@code "Channel"}
     * @param title the chat's title
     * @param description its description
     * @param memberCount how many members
     * @param isPublic whether the chat is public (has a username)
     * @param createsJoinRequest joining sends a request an administrator approves
     * @param raw the object as TDLib sent it
     */
    public record InviteLinkInfo(long chatId, String kind, String title, String description, int memberCount,
                                 boolean isPublic, boolean createsJoinRequest, JsonNode raw) {
        static InviteLinkInfo of(JsonNode i) {
            return new InviteLinkInfo(i.path("chat_id").asLong(), after("inviteLinkChatType", i.path("type")),
                    i.path("title").asText(""), i.path("description").asText(""), i.path("member_count").asInt(),
                    i.path("is_public").asBoolean(), i.path("creates_join_request").asBoolean(), i);
        }
    }

    /**
     * The outcome of a join: TDLib's {@code ChatJoinResult}.
     *
     * <pre>{@code
     * TdGroups.JoinResult r = client.groups().joinByInviteLink(link);
     * if (r.joined()) client.messages().sendText(r.chatId(), "hi all");
     * }</pre>
     *
     * @param kind the class without {@code chatJoinResult}: {@code "Success"}, {@code "RequestSent"},
     *     {@code "GuardBotApprovalRequired"}, {@code "Declined"}
     * @param chatId the joined chat's id ({@code "Success"}), else 0
     * @param raw the object as TDLib sent it
     */
    public record JoinResult(String kind, long chatId, JsonNode raw) {
        static JoinResult of(JsonNode r) {
            return new JoinResult(after("chatJoinResult", r), r.path("chat_id").asLong(), r);
        }

        /** @return whether the account is now a member */
        public boolean joined() {
            return "Success".equals(kind);
        }
    }
}
