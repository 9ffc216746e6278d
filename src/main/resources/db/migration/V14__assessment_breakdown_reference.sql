-- Every assessment now refers to its breakdown (V12, V13); the text it held itself goes.
alter table assessment alter column breakdown_id set not null;
alter table assessment add constraint assessment_breakdown_fk foreign key (breakdown_id) references score_breakdown (id);
alter table assessment drop column breakdown;
