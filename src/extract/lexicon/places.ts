// Place gazetteer beyond countries: major cities (with country and approximate
// coordinates), regions and US states, and the words that make a name a place.
// Coordinates are rounded city-centre positions; good enough for a map pin.

export interface CityInfo {
  name: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

// name, ISO alpha-2, lat, lon
const CITY_ROWS: ReadonlyArray<readonly [string, string, number, number]> = [
  // Middle East and North Africa
  ["Aleppo", "SY", 36.2, 37.16], ["Damascus", "SY", 33.51, 36.29], ["Homs", "SY", 34.73, 36.71],
  ["Raqqa", "SY", 35.95, 39.01], ["Idlib", "SY", 35.93, 36.63], ["Palmyra", "SY", 34.56, 38.28],
  ["Deir ez-Zor", "SY", 35.34, 40.14], ["Latakia", "SY", 35.52, 35.79], ["Hama", "SY", 35.13, 36.75],
  ["Baghdad", "IQ", 33.31, 44.36], ["Mosul", "IQ", 36.34, 43.13], ["Basra", "IQ", 30.51, 47.78],
  ["Fallujah", "IQ", 33.35, 43.78], ["Ramadi", "IQ", 33.42, 43.3], ["Erbil", "IQ", 36.19, 44.01],
  ["Kirkuk", "IQ", 35.47, 44.39], ["Tikrit", "IQ", 34.6, 43.68],
  ["Tehran", "IR", 35.69, 51.39], ["Riyadh", "SA", 24.71, 46.68], ["Jeddah", "SA", 21.49, 39.19],
  ["Mecca", "SA", 21.42, 39.83], ["Medina", "SA", 24.47, 39.61], ["Doha", "QA", 25.29, 51.53],
  ["Abu Dhabi", "AE", 24.45, 54.38], ["Dubai", "AE", 25.2, 55.27], ["Muscat", "OM", 23.59, 58.41],
  ["Kuwait City", "KW", 29.38, 47.99], ["Manama", "BH", 26.23, 50.59], ["Sanaa", "YE", 15.37, 44.19],
  ["Aden", "YE", 12.79, 45.02], ["Amman", "JO", 31.95, 35.93], ["Beirut", "LB", 33.89, 35.5],
  ["Jerusalem", "IL", 31.77, 35.21], ["Tel Aviv", "IL", 32.09, 34.78], ["Gaza", "PS", 31.5, 34.47],
  ["Ramallah", "PS", 31.9, 35.2], ["Ankara", "TR", 39.93, 32.86], ["Istanbul", "TR", 41.01, 28.98],
  ["Cairo", "EG", 30.04, 31.24], ["Alexandria", "EG", 31.2, 29.92], ["Tripoli", "LY", 32.89, 13.19],
  ["Benghazi", "LY", 32.12, 20.09], ["Tunis", "TN", 36.81, 10.18], ["Algiers", "DZ", 36.75, 3.06],
  ["Rabat", "MA", 34.02, -6.84], ["Casablanca", "MA", 33.57, -7.59], ["Khartoum", "SD", 15.5, 32.56],
  ["Kabul", "AF", 34.56, 69.21], ["Kandahar", "AF", 31.63, 65.71], ["Islamabad", "PK", 33.68, 73.05],
  ["Karachi", "PK", 24.86, 67.01], ["Lahore", "PK", 31.55, 74.34],
  // Europe
  ["London", "GB", 51.51, -0.13], ["Manchester", "GB", 53.48, -2.24], ["Birmingham", "GB", 52.49, -1.89],
  ["Liverpool", "GB", 53.41, -2.98], ["Leeds", "GB", 53.8, -1.55], ["Glasgow", "GB", 55.86, -4.25],
  ["Edinburgh", "GB", 55.95, -3.19], ["Cardiff", "GB", 51.48, -3.18], ["Belfast", "GB", 54.6, -5.93],
  ["Bristol", "GB", 51.45, -2.59], ["Oxford", "GB", 51.75, -1.26], ["Cambridge", "GB", 52.21, 0.12],
  ["Newcastle", "GB", 54.98, -1.62], ["Sheffield", "GB", 53.38, -1.47], ["Brighton", "GB", 50.82, -0.14],
  ["Dublin", "IE", 53.35, -6.26], ["Paris", "FR", 48.86, 2.35], ["Marseille", "FR", 43.3, 5.37],
  ["Lyon", "FR", 45.76, 4.84], ["Berlin", "DE", 52.52, 13.4],
  ["Munich", "DE", 48.14, 11.58], ["Frankfurt", "DE", 50.11, 8.68], ["Hamburg", "DE", 53.55, 9.99],
  ["Cologne", "DE", 50.94, 6.96], ["Madrid", "ES", 40.42, -3.7], ["Barcelona", "ES", 41.39, 2.17],
  ["Lisbon", "PT", 38.72, -9.14], ["Rome", "IT", 41.9, 12.5], ["Milan", "IT", 45.46, 9.19],
  ["Naples", "IT", 40.85, 14.27], ["Turin", "IT", 45.07, 7.69], ["Brussels", "BE", 50.85, 4.35],
  ["Amsterdam", "NL", 52.37, 4.9], ["The Hague", "NL", 52.08, 4.3], ["Rotterdam", "NL", 51.92, 4.48],
  ["Luxembourg City", "LU", 49.61, 6.13], ["Geneva", "CH", 46.2, 6.14], ["Zurich", "CH", 47.38, 8.54],
  ["Bern", "CH", 46.95, 7.45], ["Davos", "CH", 46.8, 9.84], ["Vienna", "AT", 48.21, 16.37],
  ["Prague", "CZ", 50.08, 14.44], ["Warsaw", "PL", 52.23, 21.01], ["Budapest", "HU", 47.5, 19.04],
  ["Bucharest", "RO", 44.43, 26.1], ["Sofia", "BG", 42.7, 23.32], ["Athens", "GR", 37.98, 23.73],
  ["Belgrade", "RS", 44.79, 20.45], ["Zagreb", "HR", 45.81, 15.98], ["Sarajevo", "BA", 43.86, 18.41],
  ["Copenhagen", "DK", 55.68, 12.57], ["Stockholm", "SE", 59.33, 18.07], ["Oslo", "NO", 59.91, 10.75],
  ["Helsinki", "FI", 60.17, 24.94], ["Reykjavik", "IS", 64.15, -21.94], ["Tallinn", "EE", 59.44, 24.75],
  ["Riga", "LV", 56.95, 24.11], ["Vilnius", "LT", 54.69, 25.28], ["Minsk", "BY", 53.9, 27.56],
  ["Kiev", "UA", 50.45, 30.52], ["Kyiv", "UA", 50.45, 30.52], ["Donetsk", "UA", 48.02, 37.8],
  ["Luhansk", "UA", 48.57, 39.31], ["Odessa", "UA", 46.48, 30.72], ["Sevastopol", "UA", 44.62, 33.53],
  ["Moscow", "RU", 55.76, 37.62], ["St Petersburg", "RU", 59.93, 30.34], ["St. Petersburg", "RU", 59.93, 30.34],
  ["Saint Petersburg", "RU", 59.93, 30.34], ["Grozny", "RU", 43.32, 45.69], ["Tbilisi", "GE", 41.72, 44.79],
  ["Yerevan", "AM", 40.18, 44.51], ["Baku", "AZ", 40.41, 49.87], ["Nicosia", "CY", 35.19, 33.38],
  ["Valletta", "MT", 35.9, 14.51], ["Monaco", "MC", 43.74, 7.42],
  // Americas
  ["Washington", "US", 38.9, -77.04], ["Washington D.C.", "US", 38.9, -77.04], ["New York", "US", 40.71, -74.01],
  ["New York City", "US", 40.71, -74.01], ["Los Angeles", "US", 34.05, -118.24], ["Chicago", "US", 41.88, -87.63],
  ["Houston", "US", 29.76, -95.37], ["Philadelphia", "US", 39.95, -75.17], ["Phoenix", "US", 33.45, -112.07],
  ["San Antonio", "US", 29.42, -98.49], ["San Diego", "US", 32.72, -117.16], ["Dallas", "US", 32.78, -96.8],
  ["San Francisco", "US", 37.77, -122.42], ["Seattle", "US", 47.61, -122.33], ["Boston", "US", 42.36, -71.06],
  ["Miami", "US", 25.76, -80.19], ["Atlanta", "US", 33.75, -84.39], ["Denver", "US", 39.74, -104.99],
  ["Detroit", "US", 42.33, -83.05], ["Baltimore", "US", 39.29, -76.61], ["Las Vegas", "US", 36.17, -115.14],
  ["Orlando", "US", 28.54, -81.38], ["Cleveland", "US", 41.5, -81.69], ["Pittsburgh", "US", 40.44, -79.99],
  ["New Orleans", "US", 29.95, -90.07], ["Des Moines", "US", 41.59, -93.62],
  ["Charleston", "US", 32.78, -79.93], ["Milwaukee", "US", 43.04, -87.91], ["Minneapolis", "US", 44.98, -93.27],
  ["St. Louis", "US", 38.63, -90.2], ["St Louis", "US", 38.63, -90.2], ["Nashville", "US", 36.16, -86.78],
  ["Austin", "US", 30.27, -97.74], ["Sacramento", "US", 38.58, -121.49], ["Portland", "US", 45.52, -122.68],
  ["Honolulu", "US", 21.31, -157.86], ["Anchorage", "US", 61.22, -149.9], ["Ferguson", "US", 38.74, -90.31],
  ["San Bernardino", "US", 34.11, -117.29], ["Charlotte", "US", 35.23, -80.84], ["Columbus", "US", 39.96, -83.0],
  ["Toronto", "CA", 43.65, -79.38], ["Montreal", "CA", 45.5, -73.57], ["Vancouver", "CA", 49.28, -123.12],
  ["Ottawa", "CA", 45.42, -75.7], ["Mexico City", "MX", 19.43, -99.13], ["Havana", "CU", 23.11, -82.37],
  ["Caracas", "VE", 10.48, -66.9], ["Bogota", "CO", 4.71, -74.07], ["Lima", "PE", -12.05, -77.04],
  ["Quito", "EC", -0.18, -78.47], ["Santiago", "CL", -33.45, -70.67], ["Buenos Aires", "AR", -34.6, -58.38],
  ["Sao Paulo", "BR", -23.55, -46.63], ["São Paulo", "BR", -23.55, -46.63], ["Rio de Janeiro", "BR", -22.91, -43.17],
  ["Brasilia", "BR", -15.79, -47.88], ["Montevideo", "UY", -34.9, -56.16], ["La Paz", "BO", -16.5, -68.15],
  // Asia and Oceania
  ["Beijing", "CN", 39.9, 116.41], ["Shanghai", "CN", 31.23, 121.47], ["Hong Kong", "HK", 22.32, 114.17],
  ["Guangzhou", "CN", 23.13, 113.26], ["Shenzhen", "CN", 22.54, 114.06], ["Taipei", "TW", 25.03, 121.57],
  ["Tokyo", "JP", 35.68, 139.69], ["Osaka", "JP", 34.69, 135.5], ["Seoul", "KR", 37.57, 126.98],
  ["Pyongyang", "KP", 39.04, 125.76], ["New Delhi", "IN", 28.61, 77.21], ["Delhi", "IN", 28.7, 77.1],
  ["Mumbai", "IN", 19.08, 72.88], ["Bombay", "IN", 19.08, 72.88], ["Kolkata", "IN", 22.57, 88.36],
  ["Bangalore", "IN", 12.97, 77.59], ["Chennai", "IN", 13.08, 80.27], ["Dhaka", "BD", 23.81, 90.41],
  ["Kathmandu", "NP", 27.72, 85.32], ["Colombo", "LK", 6.93, 79.86], ["Bangkok", "TH", 13.76, 100.5],
  ["Hanoi", "VN", 21.03, 105.85], ["Ho Chi Minh City", "VN", 10.82, 106.63], ["Manila", "PH", 14.6, 120.98],
  ["Jakarta", "ID", -6.21, 106.85], ["Kuala Lumpur", "MY", 3.14, 101.69], ["Singapore", "SG", 1.35, 103.82],
  ["Yangon", "MM", 16.87, 96.2], ["Phnom Penh", "KH", 11.56, 104.93], ["Ulaanbaatar", "MN", 47.89, 106.91],
  ["Tashkent", "UZ", 41.3, 69.24], ["Astana", "KZ", 51.17, 71.45], ["Almaty", "KZ", 43.24, 76.89],
  ["Sydney", "AU", -33.87, 151.21], ["Melbourne", "AU", -37.81, 144.96], ["Canberra", "AU", -35.28, 149.13],
  ["Brisbane", "AU", -27.47, 153.03], ["Perth", "AU", -31.95, 115.86], ["Auckland", "NZ", -36.85, 174.76],
  ["Wellington", "NZ", -41.29, 174.78],
  // Sub-Saharan Africa
  ["Lagos", "NG", 6.52, 3.38], ["Abuja", "NG", 9.08, 7.4], ["Nairobi", "KE", -1.29, 36.82],
  ["Addis Ababa", "ET", 9.03, 38.74], ["Mogadishu", "SO", 2.05, 45.32], ["Johannesburg", "ZA", -26.2, 28.05],
  ["Cape Town", "ZA", -33.92, 18.42], ["Pretoria", "ZA", -25.75, 28.19], ["Durban", "ZA", -29.86, 31.02],
  ["Harare", "ZW", -17.83, 31.05], ["Kinshasa", "CD", -4.44, 15.27], ["Accra", "GH", 5.6, -0.19],
  ["Dakar", "SN", 14.72, -17.47], ["Kampala", "UG", 0.35, 32.58], ["Kigali", "RW", -1.94, 30.06],
  ["Dar es Salaam", "TZ", -6.79, 39.21], ["Juba", "SS", 4.85, 31.58], ["Bamako", "ML", 12.64, -8.0],
];

/** Regions, US states and other areas that are places but not countries or cities. */
const REGION_NAMES = [
  "Middle East", "Near East", "Far East", "Europe", "Asia", "Africa", "North America", "South America",
  "Latin America", "Central America", "Caribbean", "Scandinavia", "Balkans", "Caucasus", "Arctic",
  "Antarctica", "Sahara", "Sahel", "Gulf", "Persian Gulf", "Mediterranean", "Levant", "Crimea",
  "Kurdistan", "Iraqi Kurdistan", "Donbass", "Donbas", "Chechnya", "Siberia", "Kashmir", "Tibet",
  "Xinjiang", "Punjab", "West Bank", "Gaza Strip", "Golan Heights", "Sinai", "Darfur", "Silicon Valley",
  "Wall Street", "Downing Street", "Whitehall", "Westminster", "Capitol Hill", "Midwest", "New England",
  "Scottish Highlands", "Yorkshire", "Lancashire", "Kent", "Essex", "Cornwall", "Bavaria", "Catalonia",
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
  "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
  "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
  "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota",
  "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
  "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
  "Ontario", "Quebec", "British Columbia", "Alberta",
];

/** Last words that make an unknown capitalised name a place (`Idlib Province`, `Red Sea`). */
export const PLACE_SUFFIXES = new Set([
  "province", "county", "city", "island", "islands", "river", "valley", "sea", "ocean", "gulf", "bay",
  "peninsula", "strait", "straits", "mountains", "mountain", "hills", "desert", "lake", "coast",
  "region", "district", "governorate", "oblast", "canal", "heights", "plateau", "square", "airport",
]);

/** First words that make a name a place (`Lake Victoria`, `Mount Everest`, `Gulf of Aden`). */
export const PLACE_PREFIXES = new Set(["lake", "mount", "mt.", "cape", "gulf", "bay", "isle", "port", "fort", "sea", "strait"]);


let cities: Map<string, CityInfo> | null = null;
let regions: Set<string> | null = null;

function cityTable(): Map<string, CityInfo> {
  if (!cities) {
    cities = new Map();
    for (const [name, countryCode, latitude, longitude] of CITY_ROWS) {
      cities.set(name.toLowerCase(), { name, countryCode, latitude, longitude });
    }
  }
  return cities;
}

/** The city named by `name` (any case), if it is one of the major cities listed. */
export function lookupCity(name: string): CityInfo | undefined {
  return cityTable().get(name.trim().replace(/\s+/g, " ").replace(/’/g, "'").toLowerCase());
}

/** True for listed regions, US states and landmarks (`Middle East`, `Iowa`, `West Bank`). */
export function isKnownRegion(name: string): boolean {
  regions ??= new Set(REGION_NAMES.map((r) => r.toLowerCase()));
  return regions.has(name.trim().replace(/\s+/g, " ").toLowerCase());
}
