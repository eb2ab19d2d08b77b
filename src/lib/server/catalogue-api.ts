import { createCatalogueApi } from '$lib/domain/catalogue-api';
import { procedures } from './catalogue';

export const catalogueApi = createCatalogueApi(procedures);
