/**
 * A database whose chosen statements fail as a full disk makes them fail: the error a driver
 * throws carries SQLite's `SQLITE_FULL` (PostgreSQL's `53100 disk_full` is the same class).
 * Statements are picked by kind (select/insert/update/delete) and table.
 */
import type { Kysely, KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Database } from '$lib/server/db';

type Kind = 'SelectQueryNode' | 'InsertQueryNode' | 'UpdateQueryNode' | 'DeleteQueryNode';

function tablesOf(node: OperationNode): string[] {
	const found: string[] = [];
	JSON.stringify(node, (key, value) => {
		if (value && typeof value === 'object' && value.kind === 'IdentifierNode' && typeof value.name === 'string') found.push(value.name);
		return value;
	});
	return found;
}

export function diskFullError(): Error {
	return Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

export function failingOn(db: Kysely<Database>, kind: Kind, table: string): Kysely<Database> {
	const plugin: KyselyPlugin = {
		transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
			if (node.kind === kind && tablesOf(node).includes(table)) throw diskFullError();
			return node;
		},
		async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
			return result;
		}
	};
	return db.withPlugin(plugin);
}
