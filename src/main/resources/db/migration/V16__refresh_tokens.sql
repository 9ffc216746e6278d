-- Refresh tokens of the built-in identity provider. Only the SHA-256 of a token is kept, so the table
-- cannot be used to log in. A token is used once: refreshing marks it used and issues the next one of
-- its family; using a used one again refuses the whole family (it was stolen, or replayed).
-- user_stamp is a hash of what the token was issued for (password hash, roles, county): once any of
-- them changes, the user's refresh tokens are refused.
create table refresh_token (
    token_hash  varchar(64)  not null,
    family      varchar(64)  not null,
    user_id     bigint       not null,
    user_stamp  varchar(64)  not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint refresh_token_pk primary key (token_hash),
    constraint refresh_token_user_fk foreign key (user_id) references app_user (id)
);
create index refresh_token_family_idx on refresh_token (family);
create index refresh_token_user_idx on refresh_token (user_id, expires_at);
