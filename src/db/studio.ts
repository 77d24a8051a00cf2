import { openStudio } from "./index";

/** The app's database connection, opened once per page. */
export const studio = openStudio();
