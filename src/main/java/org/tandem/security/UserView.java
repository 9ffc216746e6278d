package org.tandem.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tandem.export.Column;
import org.tandem.export.Table;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

@Schema(name = "User")
public record UserView(@Schema(required = true) long id, @Schema(required = true) String username, String displayName,
        @Schema(required = true) UserKind kind, @Schema(required = true) Set<String> roles, String county,
        @Schema(description = "The city a city reviewer is bound to") String city,
        @Schema(required = true) boolean enabled) {

    /** The columns of an export of users. */
    static final Table<UserView> TABLE = Table.of("users",
            Column.integer("用户编号", "ID", UserView::id),
            Column.text("用户名", "Username", UserView::username),
            Column.text("显示名", "Display name", UserView::displayName),
            Column.text("类型", "Kind", UserView::kind),
            Column.text("角色", "Roles", u -> String.join(" ", new java.util.TreeSet<>(u.roles()))),
            Column.text("所属县", "County", UserView::county),
            Column.text("启用", "Enabled", u -> u.enabled() ? "true" : "false"));

    /** A page of the users, sorted by id (default) or username. */
    static PageOf<UserView> list(PageRequest paging) {
        var query = AppUser.<AppUser> findAll(paging.toSort(Map.of("id", "id", "username", "username"), "id", "id"))
                .page(paging.toPage());
        return PageOf.of(query.list().stream().map(UserView::of).toList(), paging, query::count);
    }

    static UserView of(AppUser u) {
        return new UserView(u.id, u.username, u.displayName, u.kind, new TreeSet<>(u.roles), u.countyCode, u.cityCode,
                u.enabled);
    }
}
